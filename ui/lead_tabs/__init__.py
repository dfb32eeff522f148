"""The shift lead's tabs, one file each, all on `ui.lead_base.LeadTab`; `ui.lead.LeadArea` mounts
them in the order of its `TABS` list."""
