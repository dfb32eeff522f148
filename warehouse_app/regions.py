"""China's provinces by shipping region (carriers split by region during a promo)."""

from __future__ import annotations

REGIONS: dict[str, tuple[str, ...]] = {
    "east": ("上海", "江苏", "浙江", "安徽", "福建", "江西", "山东"),
    "north": ("北京", "天津", "河北", "山西", "内蒙古"),
    "south": ("广东", "广西", "海南"),
    "central": ("河南", "湖北", "湖南"),
    "southwest": ("重庆", "四川", "贵州", "云南", "西藏"),
    "northeast": ("辽宁", "吉林", "黑龙江"),
    "northwest": ("陕西", "甘肃", "青海", "宁夏", "新疆"),
}

_BY_PROVINCE = {p: region for region, provs in REGIONS.items() for p in provs}


def region_of(province: str | None) -> str | None:
    """Region of a province name; tolerant of suffixes like 省/市/自治区."""
    if not province:
        return None
    p = province.strip()
    if p in _BY_PROVINCE:
        return _BY_PROVINCE[p]
    for name, region in _BY_PROVINCE.items():
        if p.startswith(name):
            return region
    return None
