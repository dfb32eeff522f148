"""Draw the app icon (resources/icons/app.png + app.ico): a parcel box with a green check.

Run once from the repo root when the design changes; the PNG/ICO are committed so builds need
no drawing step."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent / "resources" / "icons"


def draw(size: int = 256) -> Image.Image:
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    s = size / 256
    d.rounded_rectangle((16 * s, 16 * s, 240 * s, 240 * s), radius=40 * s, fill=(33, 97, 140))
    d.polygon(
        [(56 * s, 96 * s), (128 * s, 60 * s), (200 * s, 96 * s), (128 * s, 132 * s)],
        fill=(214, 164, 96),
    )
    d.polygon(
        [(56 * s, 96 * s), (128 * s, 132 * s), (128 * s, 212 * s), (56 * s, 176 * s)],
        fill=(190, 135, 70),
    )
    d.polygon(
        [(200 * s, 96 * s), (128 * s, 132 * s), (128 * s, 212 * s), (200 * s, 176 * s)],
        fill=(160, 110, 55),
    )
    d.line(
        [(120 * s, 168 * s), (150 * s, 196 * s), (214 * s, 118 * s)],
        fill=(46, 204, 64),
        width=int(22 * s),
    )
    return img


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    img = draw(256)
    img.save(OUT / "app.png")
    img.save(
        OUT / "app.ico",
        sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)],
    )


if __name__ == "__main__":
    main()
