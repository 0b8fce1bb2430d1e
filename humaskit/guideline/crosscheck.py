"""Checks across sections of a merged guideline: every reference names something defined."""

from __future__ import annotations

from functools import lru_cache

from humaskit.errors import did_you_mean
from humaskit.guideline.spec import Context
from humaskit.resources import data_file


def _ref(ctx: Context, path: tuple, name, known, what: str) -> None:
    if name is not None and name not in known:
        ctx.error(path, f"{what} '{name}' tidak didefinisikan di pedoman.", did_you_mean(str(name), known))


def cross_check(data: dict, ctx: Context) -> None:
    """Runs even when sections had errors, so every problem is reported at once; values
    that failed validation are None or empty here and are skipped."""
    agencies = data["agencies"]
    platforms = data["platforms"]
    palette = data["visual"]["palette"]

    _ref(ctx, ("defaults", "agency"), data["defaults"]["agency"], agencies, "Perangkat daerah")
    for i, name in enumerate(data["defaults"]["platforms"] or []):
        _ref(ctx, ("defaults", "platforms", i), name, platforms, "Platform")
    for key, agency in agencies.items():
        if not agency:
            continue
        for platform in agency["handles"] or {}:
            _ref(ctx, ("agencies", key, "handles", platform), platform, platforms, "Platform")
        _ref(ctx, ("agencies", key, "color"), agency["color"], palette, "Warna")
    _check_image_sizes(platforms, ctx)
    _check_agency_colors(data, ctx)
    calendar = data["calendar"]
    for key, account in calendar["shared_accounts"].items():
        for i, platform in enumerate((account or {}).get("platforms") or []):
            _ref(ctx, ("calendar", "shared_accounts", key, "platforms", i), platform, platforms, "Platform")
    for key in calendar["quotas"]:
        _ref(ctx, ("calendar", "quotas", key), key, agencies, "Perangkat daerah")
    for i, day in enumerate(calendar["momentum"]):
        if day:
            _ref(ctx, ("calendar", "momentum", i, "agency"), day["agency"], agencies, "Perangkat daerah")
    for key, account in calendar["shared_accounts"].items():
        for i, agency in enumerate((account or {}).get("agencies") or []):
            _ref(ctx, ("calendar", "shared_accounts", key, "agencies", i), agency, agencies, "Perangkat daerah")
    for i, key in enumerate(calendar["momentum_accounts"]):
        _ref(ctx, ("calendar", "momentum_accounts", i), key, calendar["shared_accounts"], "Akun bersama")
    _ref(ctx, ("calendar", "holiday_agency"), calendar["holiday_agency"], agencies, "Perangkat daerah")

    aduan = data["aduan"]
    for key, category in aduan["categories"].items():
        if category:
            _ref(ctx, ("aduan", "categories", key, "agency"), category["agency"], agencies, "Perangkat daerah")
    for key, channel in aduan["channels"].items():
        if channel:
            _ref(ctx, ("aduan", "channels", key, "platform"), channel["platform"], platforms, "Platform")

    ids = _rule_file()
    known = known_rule_ids(ids) | {rule["id"] for rule in data["custom_rules"] if rule}
    for rule_id in data["rules"]:
        _ref(ctx, ("rules", rule_id), rule_id, known, "Aturan")
    # a renamed rule's old id stands for its new one from here on (the new id wins if both are given)
    renamed, rules = renamed_rule_ids(ids), data["rules"]
    data["rules"] = {**{renamed[k]: v for k, v in rules.items() if k in renamed},
                     **{k: v for k, v in rules.items() if k not in renamed}}
    seen = set()
    for i, rule in enumerate(data["custom_rules"]):
        if not rule or not rule["id"] or not rule["type"]:
            continue
        if rule["id"] in seen:
            ctx.error(("custom_rules", i, "id"), f"id aturan '{rule['id']}' dipakai lebih dari sekali.")
        seen.add(rule["id"])
        _check_custom_rule(rule, ("custom_rules", i), ctx)


@lru_cache(maxsize=1)
def _rule_file() -> str:
    """The built-in rules' ids and the old ids of renamed rules, as the lint registry writes them
    (humaskit/data/rule_ids.txt: an id a line, an old one as ``old -> new``)."""
    return data_file("rule_ids.txt").read_text("utf-8")


def known_rule_ids(text: str) -> frozenset[str]:
    """The ids (old ones included) a rule_ids.txt text names."""
    return frozenset(line.split()[0] for line in text.splitlines() if line.strip() and not line.startswith("#"))


def renamed_rule_ids(text: str) -> dict[str, str]:
    """Old id → new id, from the ``old -> new`` lines of a rule_ids.txt text."""
    pairs = (line.split() for line in text.splitlines() if "->" in line and not line.startswith("#"))
    return {p[0]: p[2] for p in pairs if len(p) == 3 and p[1] == "->"}


def _check_image_sizes(platforms: dict, ctx: Context) -> None:
    """Each side is bounded by the schema; the area is bounded here (10000×10000 would need 400 MB)."""
    from humaskit.guideline.schema.core import MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE

    for key, platform in platforms.items():
        for i, size in enumerate((platform or {}).get("image_sizes") or []):
            width, height = (size or {}).get("width"), (size or {}).get("height")
            sides = (width, height)
            if (all(isinstance(v, int) and v <= MAX_IMAGE_SIDE for v in sides)  # else the schema said so
                    and width * height > MAX_IMAGE_PIXELS):
                ctx.error(("platforms", key, "image_sizes", i), f"ukuran {width}×{height} terlalu besar: paling "
                          f"banyak {MAX_IMAGE_PIXELS / 1e6:.0f} juta piksel (misalnya 8000×5000).")


def _check_agency_colors(data: dict, ctx: Context) -> None:
    """The month grid tells agencies apart by colour alone: each agency's colour must be clearly
    different (CIELAB ΔE) from every other agency's and from the holiday and problem colours."""
    from humaskit.color import delta_e, hex_to_rgb

    palette = data["visual"]["palette"]
    calendar = data["calendar"]
    floor = calendar["min_color_delta_e"]
    if floor is None:
        return
    seen = [(f"warna {what} kalender", value) for what, value in
            (("libur", calendar["colors"]["holiday"]), ("masalah", calendar["colors"]["problem"])) if value]
    for key, agency in data["agencies"].items():
        name = (agency or {}).get("color")
        if name not in palette or not palette[name]:
            continue  # no colour, or one already reported as undefined
        value = palette[name]
        for other, other_value in seen:
            distance = delta_e(hex_to_rgb(value), hex_to_rgb(other_value))
            if distance < floor:
                ctx.error(("agencies", key, "color"),
                          f"warna '{name}' ({value}) terlalu mirip dengan {other} ({other_value}): ΔE {distance:.1f}, "
                          f"minimal {floor:g} (calendar.min_color_delta_e), sehingga tidak dapat dibedakan di "
                          "kalender. Pilih warna lain di palet, atau tambahkan warna baru ke visual.palette.")
                break
        seen.append((f"warna perangkat daerah '{key}' ('{name}')", value))


def _check_custom_rule(rule: dict, path: tuple, ctx: Context) -> None:
    import re

    from humaskit.guideline.vocabulary import RULE_TYPES

    kind = rule["type"]
    needs = RULE_TYPES[kind]
    if not any(rule.get(k) for k in needs):
        ctx.error(path, f"aturan jenis '{kind}' memerlukan kunci {' atau '.join(needs)}.")
    if rule.get("pattern"):
        try:
            re.compile(rule["pattern"])
        except re.error as exc:
            ctx.error(path + ("pattern",), f"ekspresi reguler tidak valid: {exc}.")
