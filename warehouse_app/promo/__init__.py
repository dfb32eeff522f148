"""The promo playbook as working tools for shift leads (Qt-free; used by the CLI, the hub and ui/promo).

stock: schedule/history import, SKU tiers, stock recommendation, oversell.
plan: pre-pack batch plans.  shipping: ship-by promises, backlog, at-risk orders.
carriers: carrier rules, allocator, failover (lead, stall, capacity run-out), warehouse failover export.
intake: what runs when orders arrive (apply_orders hooks): oversell refresh, upstream carriers' capacity.
review / scorecard: the post-promo review (复盘) and the carrier scorecard.
"""
