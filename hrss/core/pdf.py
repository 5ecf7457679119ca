"""The CJK TrueType font every printed PDF embeds (hrss/core/fonts/README.md, its licence there): reportlab's
STSong-Light is a reference to a font the reader must have, so a page printed on a machine without Chinese fonts
would show boxes. `cjk_font()` registers it once per process and returns its name for `canvas.setFont`."""

from pathlib import Path

FONT = "WenQuanYiMicroHei"
FONT_FILE = Path(__file__).resolve().parent / "fonts" / "wqy-microhei.ttc"


def cjk_font():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(FONT_FILE), subfontIndex=0))
    return FONT
