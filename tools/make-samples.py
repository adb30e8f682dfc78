#!/usr/bin/python3
"""Regenerate the sample FOI replies in samples/.

Every sample is written from one trust's facts as the study
("Understanding The Use of Clinical AI Across England's NHS Trusts") reports
them, laid out the way real NHS FOI replies are.  The output is byte-for-byte
deterministic: all dates, IDs, MIME boundaries and zip timestamps are fixed.

Needs the Debian 12 packages installed by `tools/setup-debian.sh --samples`:
python3-reportlab python3-openpyxl python3-docx python3-pil img2pdf
python3-gi gir1.2-gsf-1 fonts-dejavu-core.

Usage: python3 tools/make-samples.py [output-dir]     (default: samples/replies/)
"""

import base64
import csv
import datetime as dt
import io
import os
import quopri
import random
import re
import struct
import sys
import zipfile

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.platypus import (KeepTogether, PageBreak, Paragraph,
                                SimpleDocTemplate, Spacer, Table, TableStyle)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.join(ROOT, "samples", "replies")
FONT_DIR = "/usr/share/fonts/truetype/dejavu"

pdfmetrics.registerFont(TTFont("DejaVuSans", os.path.join(FONT_DIR, "DejaVuSans.ttf")))
pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", os.path.join(FONT_DIR, "DejaVuSans-Bold.ttf")))
pdfmetrics.registerFont(TTFont("DejaVuSans-Oblique", os.path.join(FONT_DIR, "DejaVuSans-Oblique.ttf")))

NHS_BLUE = colors.HexColor("#005EB8")
FIXED_ZIP_TIME = (2024, 10, 1, 9, 0, 0)

REQUESTER = "Darwinist"
REQUESTER_EMAIL = "foi@darwinist.example"

REQ_INTRO = ("I am writing to request information concerning the use and evaluation of clinical "
             "artificial intelligence systems within your trust. For the purposes of this request, "
             "'clinical AI' refers to artificial intelligence models used in patient diagnosis or "
             "treatment.")
REQ_Q = [
    "Does the trust currently use any clinical AI systems in diagnosing or treating patients?",
    "Please provide a list of clinical AI systems currently used by the trust.",
    "If available, please provide any existing reports or summaries detailing the usage frequency "
    "of these clinical AI systems within the trust over the past 12 months.",
    "If available, please provide copies of any policies, procedures, or committee meeting minutes "
    "from the past two years that outline how the trust selects and approves clinical AI systems "
    "for use.",
]

ICO_TEXT = ("If you are dissatisfied with the handling of your request, you have the right to ask "
            "for an internal review. Internal review requests should be submitted within two months "
            "of the date of receipt of the response to your original letter and should be addressed "
            "to the FOI Team at the address above. If you are not content with the outcome of the "
            "internal review, you have the right to apply directly to the Information Commissioner "
            "for a decision. The Information Commissioner can be contacted at: Information "
            "Commissioner's Office, Wycliffe House, Water Lane, Wilmslow, Cheshire SK9 5AF, "
            "www.ico.org.uk.")
REUSE_TEXT = ("Most of the information that we provide in response to Freedom of Information Act "
              "2000 requests will be subject to copyright protection. You are free to use it for "
              "your own purposes, including for private study and non-commercial research. Any "
              "other re-use requires permission under the Open Government Licence.")

# ---------------------------------------------------------------------------
# Trusts (names as in the study; postal addresses are the trusts' main sites)
# ---------------------------------------------------------------------------
T = {
    "esneft": ("East Suffolk and North Essex NHS Foundation Trust",
               ["Colchester Hospital", "Turner Road", "Colchester", "Essex CO4 5JL"], "foi@esneft.nhs.uk"),
    "papworth": ("Royal Papworth Hospital NHS Foundation Trust",
                 ["Papworth Road", "Cambridge Biomedical Campus", "Cambridge CB2 0AY"], "papworth.foi@nhs.net"),
    "rwt": ("The Royal Wolverhampton NHS Trust",
            ["New Cross Hospital", "Wolverhampton Road", "Heath Town", "Wolverhampton WV10 0QP"], "rwh-tr.foi@nhs.net"),
    "leeds": ("Leeds Teaching Hospitals NHS Trust",
              ["St James's University Hospital", "Beckett Street", "Leeds LS9 7TF"], "leedsth-tr.foi@nhs.net"),
    "bucks": ("Buckinghamshire Healthcare NHS Trust",
              ["Amersham Hospital", "Whielden Street", "Amersham", "Buckinghamshire HP7 0JD"], "bht.foi@nhs.net"),
    "esht": ("East Sussex Healthcare NHS Trust",
             ["St Anne's House", "729 The Ridge", "St Leonards-on-Sea", "East Sussex TN37 7PT"], "esht.foi@nhs.net"),
    "nca": ("Northern Care Alliance NHS Foundation Trust",
            ["Mayo Building", "Salford Royal", "Stott Lane", "Salford M6 8HD"], "foi@nca.nhs.uk"),
    "epsom": ("Epsom and St Helier University Hospitals NHS Trust",
              ["St Helier Hospital", "Wrythe Lane", "Carshalton", "Surrey SM5 1AA"], "esth.foi@nhs.net"),
    "hull": ("Hull University Teaching Hospitals NHS Trust",
             ["Hull Royal Infirmary", "Anlaby Road", "Hull HU3 2JZ"], "hyp-tr.foi@nhs.net"),
    "midyorks": ("Mid Yorkshire Hospitals NHS Trust",
                 ["Pinderfields Hospital", "Aberford Road", "Wakefield WF1 4DG"], "myt-tr.foi@nhs.net"),
    "mft": ("Manchester University NHS Foundation Trust",
            ["Cobbett House", "Oxford Road", "Manchester M13 9WL"], "foi@mft.nhs.uk"),
    "uhd": ("University Hospitals Dorset NHS Foundation Trust",
            ["The Royal Bournemouth Hospital", "Castle Lane East", "Bournemouth BH7 7DW"], "foi@uhd.nhs.uk"),
    "sth": ("Sheffield Teaching Hospitals NHS Foundation Trust",
            ["Northern General Hospital", "Herries Road", "Sheffield S5 7AU"], "sth.foi@nhs.net"),
    "glos": ("Gloucestershire Hospitals NHS Foundation Trust",
             ["Cheltenham General Hospital", "Sandford Road", "Cheltenham GL53 7AN"], "ghn-tr.foi@nhs.net"),
    "wwl": ("Wrightington, Wigan and Leigh Teaching Hospitals NHS Foundation Trust",
            ["Royal Albert Edward Infirmary", "Wigan Lane", "Wigan WN1 2NN"], "wwl.foi@wwl.nhs.uk"),
    "kgh": ("Kettering General Hospital NHS Foundation Trust",
            ["Rothwell Road", "Kettering", "Northamptonshire NN16 8UZ"], "kgh-tr.foi@nhs.net"),
    "rcht": ("Royal Cornwall Hospitals NHS Trust",
             ["Royal Cornwall Hospital", "Treliske", "Truro", "Cornwall TR1 3LJ"], "rch-tr.foi@nhs.net"),
    "gosh": ("Great Ormond Street Hospital for Children NHS Foundation Trust",
             ["Great Ormond Street", "London WC1N 3JH"], "foi@gosh.nhs.uk"),
    "lhch": ("Liverpool Heart and Chest Hospital NHS Foundation Trust",
             ["Thomas Drive", "Liverpool L14 3PE"], "foi@lhch.nhs.uk"),
    "mk": ("Milton Keynes University Hospital NHS Foundation Trust",
           ["Standing Way", "Eaglestone", "Milton Keynes MK6 5LD"], "foi@mkuh.nhs.uk"),
    "hdft": ("Harrogate and District NHS Foundation Trust",
             ["Harrogate District Hospital", "Lancaster Park Road", "Harrogate HG2 7SX"], "hdft.foi@nhs.net"),
    "rotherham": ("The Rotherham NHS Foundation Trust",
                  ["Rotherham Hospital", "Moorgate Road", "Oakwood", "Rotherham S60 2UD"], "rgh-tr.foi@nhs.net"),
    "airedale": ("Airedale NHS Foundation Trust",
                 ["Airedale General Hospital", "Skipton Road", "Steeton", "Keighley BD20 6TD"], "anhsft.foi@nhs.net"),
    "lg": ("Lewisham and Greenwich NHS Trust",
           ["University Hospital Lewisham", "Lewisham High Street", "London SE13 6LH"], "lg.foi@nhs.net"),
    "nwa": ("North West Anglia NHS Foundation Trust",
            ["Peterborough City Hospital", "Bretton Gate", "Peterborough PE3 9GZ"], "nwangliaft.foi@nhs.net"),
    # Traps (samples/README.md, last rows)
    "barts": ("Barts Health NHS Trust",
              ["Information Governance", "9 Prescot Street", "London E1 8PR"], "bartshealth.foi@nhs.net"),
    "imperial": ("Imperial College Healthcare NHS Trust",
                 ["St Mary's Hospital", "The Bays, South Wharf Road", "London W2 1BL"], "imperial.foi@nhs.net"),
    "lthtr": ("Lancashire Teaching Hospitals NHS Foundation Trust",
              ["Royal Preston Hospital", "Sharoe Green Lane", "Fulwood", "Preston PR2 9HT"], "foi@lthtr.nhs.uk"),
    "chft": ("Calderdale and Huddersfield NHS Foundation Trust",
             ["Huddersfield Royal Infirmary", "Acre Street", "Lindley", "Huddersfield HD3 3EA"], "chft.foi@nhs.net"),
    "christie": ("The Christie NHS Foundation Trust",
                 ["Wilmslow Road", "Withington", "Manchester M20 4BX"], "the-christie.foi@nhs.net"),
    "crh": ("Chesterfield Royal Hospital NHS Foundation Trust",
            ["Chesterfield Road", "Calow", "Chesterfield", "Derbyshire S44 5BL"], "crhft.foi@nhs.net"),
}


def tname(k):
    return T[k][0]


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def write(rel, data):
    path = os.path.join(OUT, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(path, "wb") as f:
        f.write(data)
    return path


# ---------------------------------------------------------------------------
# PDF letters (platypus)
# ---------------------------------------------------------------------------
def draw_nhs_logo(c, x_right, y_top, w=22 * mm, h=9 * mm):
    c.saveState()
    c.setFillColor(NHS_BLUE)
    c.rect(x_right - w, y_top - h, w, h, stroke=0, fill=1)
    c.setFillColor(colors.white)
    c.setFont("Helvetica-BoldOblique", 19)
    c.drawCentredString(x_right - w / 2, y_top - h + 2.3 * mm, "NHS")
    c.restoreState()


def draw_letterhead(c, trust_key, font="Helvetica", bold="Helvetica-Bold"):
    name, addr, email = T[trust_key]
    W, H = A4
    draw_nhs_logo(c, W - 18 * mm, H - 14 * mm)
    c.setFillColor(NHS_BLUE)
    c.setFont(bold, 12)
    y = H - 29 * mm
    m = re.match(r"(.*?)\s*(NHS Foundation Trust|NHS Trust)$", name)
    name_lines = simpleSplit(m.group(1), bold, 12, 95 * mm) + [m.group(2)] if m else [name]
    for line in name_lines:
        c.drawRightString(W - 18 * mm, y, line)
        y -= 14
    c.setFillColor(colors.black)
    c.setFont(font, 8.5)
    y -= 3
    for line in addr + ["Email: " + email]:
        c.drawRightString(W - 18 * mm, y, line)
        y -= 10.5


def make_numbered_canvas(trust_key, ref, letterhead=True, font="Helvetica", bold="Helvetica-Bold",
                         footer_left=None):
    class NumberedCanvas(rl_canvas.Canvas):
        def __init__(self, *args, **kwargs):
            rl_canvas.Canvas.__init__(self, *args, **kwargs)
            self._saved_page_states = []

        def showPage(self):
            self._saved_page_states.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            n = len(self._saved_page_states)
            for state in self._saved_page_states:
                self.__dict__.update(state)
                self.decorate(n)
                rl_canvas.Canvas.showPage(self)
            rl_canvas.Canvas.save(self)

        def decorate(self, n):
            W, H = A4
            p = self._pageNumber
            if p == 1 and letterhead:
                draw_letterhead(self, trust_key, font, bold)
            else:
                self.setFont(font, 8)
                self.setFillColor(colors.grey)
                self.drawString(18 * mm, H - 12 * mm, ref)
                self.drawRightString(W - 18 * mm, H - 12 * mm, tname(trust_key))
                self.setFillColor(colors.black)
            self.setStrokeColor(NHS_BLUE)
            self.setLineWidth(0.6)
            self.line(18 * mm, 16 * mm, W - 18 * mm, 16 * mm)
            self.setFont(font, 8)
            self.drawString(18 * mm, 11 * mm, footer_left or tname(trust_key))
            self.drawRightString(W - 18 * mm, 11 * mm, "Page %d of %d" % (p, n))

    return NumberedCanvas


def styles(font="Helvetica", bold="Helvetica-Bold", italic="Helvetica-Oblique", size=10):
    base = ParagraphStyle("base", fontName=font, fontSize=size, leading=size * 1.35, spaceAfter=6)
    return {
        "p": base,
        "q": ParagraphStyle("q", parent=base, fontName=bold),
        "qi": ParagraphStyle("qi", parent=base, fontName=italic, leftIndent=8 * mm),
        "h": ParagraphStyle("h", parent=base, fontName=bold, fontSize=size + 1.5, spaceBefore=6,
                            textColor=NHS_BLUE),
        "h2": ParagraphStyle("h2", parent=base, fontName=bold, fontSize=size + 0.5, spaceBefore=4),
        "small": ParagraphStyle("small", parent=base, fontSize=size - 1.5, leading=(size - 1.5) * 1.3),
        "right": ParagraphStyle("right", parent=base, alignment=TA_RIGHT),
        "cell": ParagraphStyle("cell", parent=base, fontSize=size - 1, leading=(size - 1) * 1.25,
                               spaceAfter=0),
        "cellb": ParagraphStyle("cellb", parent=base, fontName=bold, fontSize=size - 1,
                                leading=(size - 1) * 1.25, spaceAfter=0),
        "bullet": ParagraphStyle("bullet", parent=base, leftIndent=8 * mm, bulletIndent=3 * mm,
                                 spaceAfter=3),
    }


def grid_table(rows, widths, st, header_bg=colors.HexColor("#DCE6F2")):
    data = []
    for i, r in enumerate(rows):
        data.append([Paragraph(esc(str(x)), st["cellb" if i == 0 else "cell"]) for x in r])
    t = Table(data, colWidths=widths, repeatRows=1)
    t.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), header_bg),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return t


def build_story(blocks, st):
    story = []
    for b in blocks:
        kind = b[0]
        if kind in ("p", "q", "qi", "h", "h2", "small", "right"):
            story.append(Paragraph(b[1], st[kind]))
        elif kind == "sp":
            story.append(Spacer(1, b[1]))
        elif kind == "t":
            story.append(grid_table(b[1], b[2], st))
            story.append(Spacer(1, 6))
        elif kind == "b":
            for item in b[1]:
                story.append(Paragraph(item, st["bullet"], bulletText="\u2022"))
        elif kind == "pb":
            story.append(PageBreak())
        elif kind == "keep":
            story.append(KeepTogether(build_story(b[1], st)))
        else:
            raise ValueError(kind)
    return story


def pdf_time(when):
    """Fix the PDF CreationDate/ModDate (reportlab reads SOURCE_DATE_EPOCH)."""
    os.environ["SOURCE_DATE_EPOCH"] = str(int((when - dt.datetime(1970, 1, 1)).total_seconds()))


def letter_pdf(trust_key, ref, title, blocks, when, font="Helvetica", bold="Helvetica-Bold",
               italic="Helvetica-Oblique", encrypt=None, letterhead=True, size=10, author=None,
               footer_left=None, top_margin=None):
    pdf_time(when)
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
        topMargin=top_margin or (62 * mm if letterhead else 22 * mm), bottomMargin=22 * mm,
        title=title, author=author or tname(trust_key), subject="", creator="Microsoft Word",
        invariant=1, pageCompression=1, encrypt=encrypt)
    st = styles(font, bold, italic, size)
    story = build_story(blocks, st)
    canvas_cls = make_numbered_canvas(trust_key, ref, letterhead, font, bold, footer_left)

    # later pages use a smaller top margin: switch frame after first page
    from reportlab.platypus import Frame, PageTemplate
    W, H = A4
    first = Frame(20 * mm, 22 * mm, W - 40 * mm, H - 22 * mm - (62 * mm if letterhead else 22 * mm),
                  id="first")
    rest = Frame(20 * mm, 22 * mm, W - 40 * mm, H - 44 * mm, id="rest")
    doc.addPageTemplates([PageTemplate(id="First", frames=[first], autoNextPageTemplate="Rest"),
                          PageTemplate(id="Rest", frames=[rest])])
    doc.build(story, canvasmaker=canvas_cls)
    return buf.getvalue()


def address_blocks(ref, date_text, salutation="Dear Requester", extra_ref=None):
    left = "%s<br/>By email: %s" % (REQUESTER, REQUESTER_EMAIL)
    b = [("p", left), ("sp", 4), ("p", "Our ref: %s" % ref)]
    if extra_ref:
        b.append(("p", extra_ref))
    b += [("p", date_text), ("sp", 4), ("p", salutation + ",")]
    return b


def signoff(name="Information Governance / FOI Team", extra=None):
    b = [("p", "Yours sincerely,"), ("sp", 14), ("p", "<b>%s</b>" % name)]
    if extra:
        b.append(("p", extra))
    return b


# ---------------------------------------------------------------------------
# ZIP / OOXML normalisation
# ---------------------------------------------------------------------------
def core_xml(title, creator, modified_by, created, modified, revision="1"):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            '<dc:title>%s</dc:title><dc:creator>%s</dc:creator><cp:lastModifiedBy>%s</cp:lastModifiedBy>'
            '<cp:revision>%s</cp:revision>'
            '<dcterms:created xsi:type="dcterms:W3CDTF">%s</dcterms:created>'
            '<dcterms:modified xsi:type="dcterms:W3CDTF">%s</dcterms:modified>'
            '</cp:coreProperties>' % (esc(title), esc(creator), esc(modified_by), revision, created,
                                      modified)).encode("utf-8")


def normalize_zip(data, replace=None, date_time=FIXED_ZIP_TIME, post=None):
    zin = zipfile.ZipFile(io.BytesIO(data))
    entries = []
    for info in zin.infolist():
        content = zin.read(info.filename)
        if replace and info.filename in replace:
            r = replace[info.filename]
            content = r(content) if callable(r) else r
        entries.append([info.filename, content])
    if post:
        entries = post(entries)
    # [Content_Types].xml first, as Office writes it
    entries.sort(key=lambda e: e[0] != "[Content_Types].xml")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, content in entries:
            zi = zipfile.ZipInfo(name, date_time=date_time)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.create_system = 0
            zi.external_attr = 0
            zout.writestr(zi, content)
    return out.getvalue()


def xlsx_shared_strings(entries):
    """Turn openpyxl's inline strings into a shared string table, as Excel writes."""
    table, index = [], {}

    def repl(m):
        text = m.group(3)
        if text not in index:
            index[text] = len(table)
            table.append(text)
        return '%s t="s"><v>%d</v></c>' % (m.group(1), index[text])

    pat = re.compile(r'(<c r="[A-Z]+[0-9]+"(?: s="[0-9]+")?) t="inlineStr"><is><t( xml:space="preserve")?>(.*?)</t></is></c>')
    out = []
    for name, data in entries:
        if name.startswith("xl/worksheets/sheet"):
            data = pat.sub(repl, data.decode("utf-8")).encode("utf-8")
            assert b"inlineStr" not in data
        out.append([name, data])
    sst = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
           '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">'
           % (len(table), len(table))
           + "".join('<si><t xml:space="preserve">%s</t></si>' % t if t != t.strip() else "<si><t>%s</t></si>" % t
                     for t in table) + "</sst>")
    for e in out:
        if e[0] == "[Content_Types].xml":
            e[1] = e[1].replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType='
                                b'"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
        if e[0] == "xl/_rels/workbook.xml.rels":
            e[1] = e[1].replace(b"</Relationships>", b'<Relationship Id="rIdSst" Type="http://schemas.openxmlformats.org/'
                                b'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
    out.append(["xl/sharedStrings.xml", sst.encode("utf-8")])
    return out


def make_zip(files, date_time=FIXED_ZIP_TIME):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in files:
            zi = zipfile.ZipInfo(name, date_time=date_time)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.create_system = 0
            zi.external_attr = 0x20  # MS-DOS archive bit, as Windows "Send to zip" writes
            z.writestr(zi, content)
    return out.getvalue()


def csv_bytes(rows, bom=False, crlf=True, encoding="utf-8"):
    s = io.StringIO()
    w = csv.writer(s, lineterminator="\r\n" if crlf else "\n")
    for r in rows:
        w.writerow(r)
    data = s.getvalue().encode(encoding)
    return (b"\xef\xbb\xbf" + data) if bom else data


def spread(total, weights):
    """Split total into integer parts proportional to weights (deterministic)."""
    s = sum(weights)
    parts = [total * w // s for w in weights]
    i = 0
    while sum(parts) < total:
        parts[i % len(parts)] += 1
        i += 1
    return parts


# ---------------------------------------------------------------------------
# MIME (hand-built so every byte is fixed)
# ---------------------------------------------------------------------------
CRLF = b"\r\n"


def hdr_block(headers):
    out = b""
    for k, v in headers:
        out += ("%s: %s" % (k, v)).encode("ascii") + CRLF
    return out


def enc_b64(data):
    return base64.encodebytes(data).replace(b"\n", CRLF)


def enc_qp(data):
    # quopri on LF text, then CRLF line ends
    out = quopri.encodestring(data.replace(b"\r\n", b"\n"))
    return out.replace(b"\n", CRLF)


def part(headers, body):
    """A MIME entity: (headers, encoded body bytes)."""
    return (headers, body)


def text_part(text, subtype="plain", charset="utf-8", cte="quoted-printable", data=None):
    raw = data if data is not None else text.encode(charset)
    if cte == "quoted-printable":
        body = enc_qp(raw)
    elif cte == "base64":
        body = enc_b64(raw)
    else:
        body = raw.replace(b"\r\n", b"\n").replace(b"\n", CRLF)
    return part([("Content-Type", 'text/%s; charset="%s"' % (subtype, charset)),
                 ("Content-Transfer-Encoding", cte)], body)


def attach_part(data, ctype, filename):
    return part([("Content-Type", '%s; name="%s"' % (ctype, filename)),
                 ("Content-Description", filename),
                 ("Content-Disposition", 'attachment; filename="%s"; size=%d;\r\n\t'
                  'creation-date="Tue, 01 Oct 2024 09:00:00 GMT";\r\n\t'
                  'modification-date="Tue, 01 Oct 2024 09:00:00 GMT"' % (filename, len(data))),
                 ("Content-Transfer-Encoding", "base64")], enc_b64(data))


def multipart(subtype, boundary, parts, preamble=b""):
    body = preamble
    for h, b in parts:
        body += b"--" + boundary.encode() + CRLF + hdr_block(h) + CRLF + b
        if not b.endswith(CRLF):
            body += CRLF
    body += b"--" + boundary.encode() + b"--" + CRLF
    return part([("Content-Type", 'multipart/%s;\r\n\tboundary="%s"' % (subtype, boundary))], body)


def render(top_headers, entity):
    h, b = entity
    return hdr_block(top_headers + [("MIME-Version", "1.0")] + h) + CRLF + b


def rfc_date(y, mo, d, hh, mm_, ss=0):
    t = dt.datetime(y, mo, d, hh, mm_, ss)
    bst = dt.datetime(2024, 10, 27, 1, 0) > t > dt.datetime(2024, 3, 31, 1, 0)
    return t.strftime("%a, %d %b %Y %H:%M:%S ") + ("+0100" if bst else "+0000")


def outlook_headers(frm, to, subject, date, msgid, in_reply_to=None, cc=None, topic=None,
                    thread_index="AQHbCaJ0x3Ff2mN5TkW4l8qZb9v0Dw==", has_attach=True):
    h = [("From", frm), ("To", to)]
    if cc:
        h.append(("CC", cc))
    h += [("Subject", subject),
          ("Thread-Topic", topic or subject),
          ("Thread-Index", thread_index),
          ("Date", date),
          ("Message-ID", msgid)]
    if in_reply_to:
        h += [("References", in_reply_to), ("In-Reply-To", in_reply_to)]
    h += [("Accept-Language", "en-GB, en-US"),
          ("Content-Language", "en-GB"),
          ("X-MS-Has-Attach", "yes" if has_attach else ""),
          ("X-MS-TNEF-Correlator", "")]
    return h


REQ_MSGID = "<CAH7d0xQv3n9-FOIclinicalAI-20240918@mail.darwinist.example>"


def trust_from(k, label="FOI Team"):
    return "%s <%s>" % (label if label else tname(k), T[k][2])


def request_text_block(prefix="", width=72):
    lines = ["Dear FOI Team,", "", REQ_INTRO, "", "Information Requested:", ""]
    for i, q in enumerate(REQ_Q, 1):
        lines.append("Question %d: %s" % (i, q))
        lines.append("")
    lines += ["Kind regards,", "", "Darwinist"]
    out = []
    for line in wrap_text("\n".join(lines), width).split("\n"):
        out.append(prefix + line if line else prefix.rstrip())
    return "\n".join(out)


def wrap_text(text, width=76):
    import textwrap
    out = []
    for para in text.split("\n"):
        if not para.strip():
            out.append("")
        else:
            out.extend(textwrap.wrap(para, width, break_long_words=False, break_on_hyphens=False))
    return "\n".join(out)


# ---------------------------------------------------------------------------
# 1. ESNEFT: hand-drawn canvas letter, grid table, hyphenated word, 2 pages
# ---------------------------------------------------------------------------
def sample_esneft():
    k = "esneft"
    ref = "FOI/24/1187"
    pdf_time(dt.datetime(2024, 10, 16, 9, 40))
    buf = io.BytesIO()
    c = rl_canvas.Canvas(buf, pagesize=A4, invariant=1, pageCompression=1)
    c.setTitle("FOI 24-1187 Response")
    c.setAuthor("Information Governance")
    c.setCreator("Microsoft\u00ae Word for Microsoft 365")
    W, H = A4
    L, R = 20 * mm, W - 20 * mm
    F, FB, size, lead = "Helvetica", "Helvetica-Bold", 10, 13.5
    st = styles()

    def footer(p):
        c.setStrokeColor(NHS_BLUE)
        c.line(L, 16 * mm, R, 16 * mm)
        c.setFont(F, 8)
        c.setFillColor(colors.black)
        c.drawString(L, 11 * mm, tname(k))
        c.drawRightString(R, 11 * mm, "Page %d of 2" % p)

    def para(y, text, font=F, indent=0):
        c.setFont(font, size)
        for line in simpleSplit(text, font, size, R - L - indent):
            c.drawString(L + indent, y, line)
            y -= lead
        return y - 5

    # page 1
    draw_letterhead(c, k)
    y = H - 66 * mm
    c.setFont(F, size)
    for line in ["Darwinist", "By email only: " + REQUESTER_EMAIL]:
        c.drawString(L, y, line)
        y -= lead
    y -= 6
    for line in ["Our Ref: " + ref, "Date: 16th October 2024"]:
        c.drawString(L, y, line)
        y -= lead
    y -= 8
    y = para(y, "Dear Requester,")
    y = para(y, "Re: Freedom of Information Act 2000 \u2013 Request for Information: Clinical AI", FB)
    y = para(y, "Thank you for your request for information received by the Trust on 18 September 2024. "
                "Please find our response below. Your request has been restated in bold for reference.")
    y = para(y, "1. " + REQ_Q[0], FB)
    y = para(y, "Yes.")
    y = para(y, "2. " + REQ_Q[1], FB)
    y = para(y, "The clinical AI systems currently in use at ESNEFT are set out in the table below, "
                "together with the usage figures we hold (question 3).")
    rows = [["Vendor", "Product", "Clinical area", "Status", "Usage"],
            ["Brainomix", "e-Stroke (e-ASPECTS / e-CTA)", "Stroke \u2013 CT brain and CT angiography",
             "In use", "1,745 scans (Aug 2023 \u2013 Aug 2024)"],
            ["Gleamer", "Boneview", "MSK X-ray fracture detection (ED / MIU)", "In use",
             "17,174 examinations (June \u2013 Sept 2024)"],
            ["HeartFlow", "FFRct Analysis", "Cardiology \u2013 CT coronary angiography", "In use",
             "Not held centrally"],
            ["Neu Health", "Neu Health platform", "Neurology \u2013 remote monitoring", "In use",
             "Not recorded"]]
    t = grid_table(rows, [22 * mm, 36 * mm, 44 * mm, 15 * mm, 53 * mm], st)
    tw, th = t.wrapOn(c, R - L, y)
    t.drawOn(c, L, y - th)
    y = y - th - 14
    y = para(y, "Please note that usage figures are taken from the suppliers' reporting portals and "
                "cover different periods because each system was reported for the period held.")
    footer(1)
    c.showPage()

    # page 2
    c.setFont(F, 8)
    c.setFillColor(colors.grey)
    c.drawString(L, H - 12 * mm, "Our Ref: " + ref)
    c.drawRightString(R, H - 12 * mm, tname(k))
    c.setFillColor(colors.black)
    y = H - 24 * mm
    y = para(y, "3. " + REQ_Q[2], FB)
    y = para(y, "Please see the usage column of the table in our response to question 2. The Trust "
                "does not produce a separate report on the usage frequency of these systems.")
    y = para(y, "4. " + REQ_Q[3], FB)
    # hand-set lines: the paragraph breaks "procure-" / "ment" across a line end
    lines = [
        "The Trust does not hold a standalone policy for the selection of clinical AI. New digital technologies,",
        "including AI, are assessed through the Digital Design Authority and follow the Trust's standard procure-",
        "ment route, including a business case where new funding is required. Each product is assessed against",
        "the Digital Technology Assessment Criteria (DTAC), with a Data Protection Impact Assessment and a",
        "clinical safety case under DCB0160 completed before go-live. Minutes of the Digital Design Authority",
        "are not published; no minutes specific to the approval of AI products are held for the past two years.",
    ]
    c.setFont(F, size)
    for line in lines:
        assert pdfmetrics.stringWidth(line, F, size) <= R - L, line
        c.drawString(L, y, line)
        y -= lead
    y -= 5
    y = para(y, "Please note that ESNEFT is also part of regional imaging and stroke network "
                "programmes; any AI commissioned by those networks on behalf of member trusts should "
                "be requested from the network host.")
    y -= 4
    y = para(y, REUSE_TEXT)
    y = para(y, ICO_TEXT)
    y = para(y, "Yours sincerely,")
    y -= 16
    y = para(y, "Information Governance / FOI Team", FB)
    footer(2)
    c.showPage()
    c.save()
    write("FOI 24-1187 Response.pdf", buf.getvalue())


# ---------------------------------------------------------------------------
# 2. Royal Papworth: embedded DejaVuSans with literal ligature characters
# ---------------------------------------------------------------------------
def sample_papworth():
    k = "papworth"
    ref = "FOI 6512"
    fi, fl, ffi = "\ufb01", "\ufb02", "\ufb03"
    blocks = address_blocks(ref, "Date: 4 November 2024", "Dear Darwinist") + [
        ("q", "Freedom of Information Request \u2013 Clinical Arti%scial Intelligence" % fi),
        ("p", "We are writing to con%srm that your request for information has been processed under "
              "the Freedom of Information Act 2000. Our response to each question is set out below." % fi),
        ("q", "Q1. " + REQ_Q[0]),
        ("p", "Yes. We can con%srm that Royal Papworth Hospital uses clinical AI within its "
              "cardiac and thoracic imaging work%sow." % (fi, fl)),
        ("q", "Q2. " + REQ_Q[1]),
        ("b", ["Brainomix \u2013 CT stroke imaging decision support (e-Stroke), including speci%sc stroke transfers." % fi,
               "HeartFlow \u2013 FFRct analysis of coronary CT angiography.",
               "Circle CVI \u2013 cvi42 cardiac MR and CT post-processing, including AI-assisted contouring."]),
        ("q", "Q3. " + REQ_Q[2]),
        ("p", "The Trust does not hold a formal report. The following %sgures have been provided by the "
              "service leads and are approximate:" % fi),
        ("b", ["Brainomix: 4-5 times monthly",
               "HeartFlow: c. 20 times per month (roughly 240 a year)",
               "Circle CVI: 250-300 times a month, i.e. an estimated 3,000 \u2013 3,600 studies per annum"]),
        ("p", "Figures %suctuate month to month and should be treated as estimates only." % fl),
        ("q", "Q4. " + REQ_Q[3]),
        ("p", "New clinical systems, including those using AI, are approved through the Trust's Digital "
              "Oversight Group following a DTAC review, a clinical safety assessment and a data protection "
              "impact assessment. The Trust does not hold a speci%sc AI policy and no committee minutes "
              "relating speci%scally to clinical AI have been identi%sed for the last two years." % (fi, fi, fi)),
        ("p", "We have tried to answer your request as e%sciently as possible. %s" % (ffi, REUSE_TEXT)),
        ("p", ICO_TEXT.replace("Office", "O%sce" % ffi)),
    ] + signoff(extra="Royal Papworth Hospital NHS Foundation Trust")
    data = letter_pdf(k, ref, "FOI 6512 response", blocks, dt.datetime(2024, 11, 4, 10, 15), font="DejaVuSans", bold="DejaVuSans-Bold",
                      italic="DejaVuSans-Oblique", size=9.5)
    write("FOI_6512_Clinical_AI_response.pdf", data)


# ---------------------------------------------------------------------------
# 3. Royal Wolverhampton: scanned letter, image only (no text layer)
# ---------------------------------------------------------------------------
def sample_rwt_scan():
    from PIL import Image, ImageDraw, ImageFont
    import img2pdf
    k = "rwt"
    dpi = 200
    Wpx, Hpx = 1654, 2339
    px = lambda pt: int(round(pt * dpi / 72.0))
    f_reg = ImageFont.truetype(os.path.join(FONT_DIR, "DejaVuSerif.ttf"), px(10.5))
    f_bold = ImageFont.truetype(os.path.join(FONT_DIR, "DejaVuSerif-Bold.ttf"), px(10.5))
    f_small = ImageFont.truetype(os.path.join(FONT_DIR, "DejaVuSans.ttf"), px(8))
    f_name = ImageFont.truetype(os.path.join(FONT_DIR, "DejaVuSans-Bold.ttf"), px(12))
    f_logo = ImageFont.truetype(os.path.join(FONT_DIR, "DejaVuSans-BoldOblique.ttf"), px(18))
    left, right = px(60), Wpx - px(60)
    lead = px(14.5)
    rng = random.Random(20241023)

    def wrap(draw, text, font, width):
        words, lines, cur = text.split(" "), [], ""
        for w in words:
            t = (cur + " " + w).strip()
            if draw.textlength(t, font=font) <= width:
                cur = t
            else:
                lines.append(cur)
                cur = w
        if cur:
            lines.append(cur)
        return lines

    def new_page():
        img = Image.new("L", (Wpx, Hpx), 255)
        return img, ImageDraw.Draw(img)

    def text(draw, y, s, font=f_reg, gap=px(6)):
        for line in wrap(draw, s, font, right - left):
            draw.text((left, y), line, font=font, fill=0)
            y += lead
        return y + gap

    def finish(img, page, npages, angle):
        d = ImageDraw.Draw(img)
        d.line([(left, Hpx - px(48)), (right, Hpx - px(48))], fill=0, width=2)
        d.text((left, Hpx - px(42)), tname(k), font=f_small, fill=0)
        s = "Page %d of %d" % (page, npages)
        d.text((right - d.textlength(s, font=f_small), Hpx - px(42)), s, font=f_small, fill=0)
        img = img.rotate(angle, resample=Image.BICUBIC, fillcolor=255)
        pix = img.load()
        for _ in range(2500):  # scanner dust
            x, y = rng.randrange(Wpx), rng.randrange(Hpx)
            pix[x, y] = 0
        bw = img.point(lambda v: 0 if v < 150 else 255, mode="1")
        out = io.BytesIO()
        bw.save(out, format="TIFF", compression="group4", dpi=(dpi, dpi),
                strip_size=(Wpx + 7) // 8 * Hpx)  # one strip: img2pdf embeds G4 as is
        return out.getvalue()

    pages = []
    img, d = new_page()
    # letterhead
    lw, lh = px(70), px(28)
    d.rectangle([right - lw, px(40), right, px(40) + lh], fill=0)
    d.text((right - lw + px(9), px(40) + px(2)), "NHS", font=f_logo, fill=255)
    y = px(78)
    for line in ["The Royal Wolverhampton", "NHS Trust"]:
        d.text((right - d.textlength(line, font=f_name), y), line, font=f_name, fill=0)
        y += px(15)
    y += px(4)
    for line in T[k][1] + ["Tel: 01902 307999", "www.royalwolverhampton.nhs.uk"]:
        d.text((right - d.textlength(line, font=f_small), y), line, font=f_small, fill=0)
        y += px(10.5)
    y = px(200)
    for line in ["Darwinist", "Via email: " + REQUESTER_EMAIL]:
        d.text((left, y), line, font=f_reg, fill=0)
        y += lead
    y += px(10)
    for line in ["Our Ref: FOI/10/24/0384", "Date: 23rd October 2024"]:
        d.text((left, y), line, font=f_reg, fill=0)
        y += lead
    y += px(14)
    y = text(d, y, "Dear Sir/Madam,")
    y = text(d, y, "FREEDOM OF INFORMATION ACT 2000 \u2013 REQUEST FOR INFORMATION", f_bold)
    y = text(d, y, "Thank you for your request for information which was received on 18/09/2024. "
                   "Please accept our apologies for the delay in responding. The Trust's response "
                   "to each of your questions is set out below.")
    answers = [
        "No. The Trust does not currently use any clinical AI systems in the diagnosis or treatment "
        "of patients.",
        "Not applicable \u2013 please see the response to question 1.",
        "Not applicable. As no clinical AI systems are in use, the Trust holds no usage reports.",
        "The Trust is currently developing a policy on the use of artificial intelligence, which will "
        "set out how AI technologies are assessed, approved and monitored. The policy is in draft and "
        "has not yet been approved; no committee minutes approving clinical AI systems are held for "
        "the past two years.",
    ]
    for i in range(3):
        y = text(d, y, "%d. %s" % (i + 1, REQ_Q[i]), f_bold, gap=px(2))
        y = text(d, y, "Response: " + answers[i])
    pages.append(finish(img, 1, 2, 0.45))

    img, d = new_page()
    d.text((left, px(40)), "FOI/10/24/0384", font=f_small, fill=0)
    y = px(70)
    for i in range(3, 4):
        y = text(d, y, "%d. %s" % (i + 1, REQ_Q[i]), f_bold, gap=px(2))
        y = text(d, y, "Response: " + answers[i])
    y += px(6)
    y = text(d, y, ICO_TEXT)
    y = text(d, y, "Yours faithfully,")
    y += px(30)
    y = text(d, y, "Information Governance / FOI Team", f_bold, gap=0)
    y = text(d, y, "The Royal Wolverhampton NHS Trust")
    pages.append(finish(img, 2, 2, -0.55))
    scanned = dt.datetime(2024, 10, 23, 9, 15, 44)  # 10:15:44 BST, as in the file name
    pdf = img2pdf.convert(pages, creationdate=scanned, moddate=scanned, engine=img2pdf.Engine.internal, producer="KONICA MINOLTA bizhub C450i",
                          creator="KONICA MINOLTA bizhub C450i")
    write("Scan_20241023_101544.pdf", pdf)


# ---------------------------------------------------------------------------
# 4. Leeds: owner-password encrypted PDF (opens without a password)
# ---------------------------------------------------------------------------
def sample_leeds():
    k = "leeds"
    ref = "FOI-2024-3318"
    enc = StandardEncryption(userPassword="", ownerPassword="LTHT-IG-2024", canPrint=1, canModify=0,
                             canCopy=1, canAnnotate=0, strength=128)
    blocks = address_blocks(ref, "Date: 30 October 2024", "Dear Requester") + [
        ("h", "Freedom of Information Request \u2013 " + ref),
        ("p", "Thank you for your request dated 18 September 2024. Leeds Teaching Hospitals NHS Trust "
              "holds some of the information you have requested. Our response is provided below."),
        ("q", REQ_Q[0]), ("p", "Yes."),
        ("q", REQ_Q[1]),
        ("b", ["RaySearch Laboratories RayStation \u2013 deep learning segmentation tool used in "
               "radiotherapy treatment planning (Leeds Cancer Centre).",
               "Lunit INSIGHT MMG \u2013 AI decision support for mammography (breast screening).",
               "Siemens Deep Resolve \u2013 AI-based MRI image reconstruction on compatible scanners."]),
        ("q", REQ_Q[2]),
        ("p", "RayStation: approximately 1000 treatment plans per annum."),
        ("p", "Lunit INSIGHT MMG: used on around 90,000 mammograms."),
        ("p", "Siemens Deep Resolve: reconstruction is applied at the point of acquisition and usage "
              "is not recorded separately, therefore this information is not held."),
        ("q", REQ_Q[3]),
        ("p", "The Trust's Clinical AI governance arrangements are currently under development. New "
              "technologies are considered by the Medical Devices Group and the Digital Design "
              "Authority. No policy or minutes specific to the approval of clinical AI are held."),
        ("p", REUSE_TEXT), ("p", ICO_TEXT),
    ] + signoff()
    data = letter_pdf(k, ref, "FOI-2024-3318 - Final Response", blocks, dt.datetime(2024, 10, 30, 14, 20), encrypt=enc)
    write("FOI-2024-3318 - Final Response.pdf", data)


# ---------------------------------------------------------------------------
# 5. Buckinghamshire: e-mail with PDF letter attachment
# ---------------------------------------------------------------------------
def sample_bucks():
    k = "bucks"
    ref = "FOI 24-0912"
    blocks = address_blocks(ref, "11 October 2024") + [
        ("h", "Freedom of Information Request: Clinical AI systems"),
        ("p", "Your request has been considered under the Freedom of Information Act 2000. "
              "Please see our responses below."),
        ("q", "1. " + REQ_Q[0]), ("qi", "Yes"),
        ("q", "2. " + REQ_Q[1]),
        ("qi", "Aidence \u2013 Veye Lung Nodules (CT chest)<br/>Skin Analytics \u2013 DERM (dermatology)"),
        ("q", "3. " + REQ_Q[2]),
        ("qi", "Aidence: 1177 uses between March and August 2024.<br/>"
               "DERM: 863 uses between January and October 2024."),
        ("q", "4. " + REQ_Q[3]),
        ("qi", "The Trust does not have a specific policy for clinical AI. Procurement follows the "
               "Trust's standard procurement and digital governance processes."),
        ("p", ICO_TEXT),
    ] + signoff()
    pdf = letter_pdf(k, ref, "FOI 24-0912 Response Letter", blocks, dt.datetime(2024, 10, 11, 15, 31))
    msg = render(
        outlook_headers("BHT FOI <bht.foi@nhs.net>", "Darwinist <%s>" % REQUESTER_EMAIL,
                        "RE: FOI 24-0912 - Clinical AI", rfc_date(2024, 10, 11, 15, 42, 7),
                        "<LO2P265MB5129E2C1D0B7A5F6F3C1B4A2D2A82@LO2P265MB5129.GBRP265.PROD.OUTLOOK.COM>",
                        in_reply_to=REQ_MSGID),
        multipart("mixed", "_004_LO2P265MB5129E2C1D0B7A5F6F3C1B4A2D2A82LO2P265MB5129GBRP_", [
            text_part(wrap_text(
                "Dear Requester,\n\nPlease find attached our response to your Freedom of Information "
                "request, reference FOI 24-0912.\n\nKind regards\n\nFOI Team\nBuckinghamshire Healthcare "
                "NHS Trust\n\nThis e-mail and any attachments are confidential and intended solely for "
                "the addressee.") + "\n", charset="us-ascii"),
            attach_part(pdf, "application/pdf", "FOI 24-0912 Response Letter.pdf"),
        ]))
    write("RE_ FOI 24-0912 - Clinical AI.eml", msg)


# ---------------------------------------------------------------------------
# 6. East Sussex: e-mail with DOCX (header/footer, table, words split across runs)
# ---------------------------------------------------------------------------
def add_page_field(paragraph, instr, cached):
    """Insert a Word complex field (begin / instrText / separate / cached result / end)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def run_with(child):
        r = OxmlElement("w:r")
        r.append(child)
        paragraph._p.append(r)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    it = OxmlElement("w:instrText")
    it.set(qn("xml:space"), "preserve")
    it.text = " %s   \\* MERGEFORMAT " % instr
    run_with(it)
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    run_with(sep)
    t = OxmlElement("w:t")
    t.text = cached
    run_with(t)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def docx_finish(doc, title, created, modified):
    buf = io.BytesIO()
    doc.save(buf)
    return normalize_zip(buf.getvalue(), replace={
        "docProps/core.xml": core_xml(title, "FOI Team", "Information Governance", created, modified, "3")})


def sample_esht():
    import docx
    from docx.shared import Pt, RGBColor, Mm
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    k = "esht"
    ref = "FOI 2024-871"
    doc = docx.Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.left_margin = sec.right_margin = Mm(22)
    hp = sec.header.paragraphs[0]
    hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    r = hp.add_run(tname(k))
    r.bold = True
    r.font.color.rgb = RGBColor(0x00, 0x5E, 0xB8)
    hp2 = sec.header.add_paragraph(", ".join(T[k][1]))
    hp2.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    hp2.runs[0].font.size = Pt(8)
    fp = sec.footer.paragraphs[0]
    fp.add_run("ESHT Freedom of Information | %s | Page " % ref).font.size = Pt(8)
    add_page_field(fp, "PAGE", "1")
    fp.add_run(" of ")
    add_page_field(fp, "NUMPAGES", "2")
    style = doc.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(11)

    doc.add_paragraph("Darwinist\nBy email")
    doc.add_paragraph("Our reference: %s\n25 October 2024" % ref)
    doc.add_paragraph("Dear Requester")
    p = doc.add_paragraph()
    p.add_run("Freedom of Information Act 2000 \u2013 Request for Information").bold = True
    doc.add_paragraph("Thank you for your email received on 18 September 2024. Please find our "
                      "response to your questions below.")
    answers = []
    for i, q in enumerate(REQ_Q, 1):
        qp_ = doc.add_paragraph()
        qr = qp_.add_run("Question %d: %s" % (i, q))
        qr.bold = True
        answers.append(doc.add_paragraph())
    # Q1: words split across runs mid-word, with different formatting
    a = answers[0]
    a.add_run("Yes. The Trust uses ")
    r1 = a.add_run("Brain")
    r1.bold = True
    r2 = a.add_run("omix")
    r2.bold = True
    r2.italic = True
    a.add_run(" to process all patients referred by the stroke team, and Heart")
    r3 = a.add_run("Flow")
    r3.font.color.rgb = RGBColor(0x1F, 0x3A, 0x60)
    a.add_run(" in cardiology for CT coronary angiography.")
    # Q2: table
    answers[1].add_run("Please see the table below.")
    tbl = doc.add_table(rows=1, cols=3)
    tbl.style = "Table Grid"
    for c_, h in zip(tbl.rows[0].cells, ["Vendor", "Product / use", "Usage 23/24"]):
        c_.text = ""
        c_.paragraphs[0].add_run(h).bold = True
    for row in [("Brainomix", "e-Stroke \u2013 CT stroke imaging (all stroke team referrals)", "887"),
                ("HeartFlow", "FFRct \u2013 CT coronary angiography", "57")]:
        cells = tbl.add_row().cells
        for c_, v in zip(cells, row):
            c_.text = v
    # move the table to sit right after the Q2 answer paragraph
    answers[1]._p.addnext(tbl._tbl)
    a3 = answers[2]
    a3.add_run("Brainomix was used for 887 patients in 23/24 and HeartFlow was used 57 times in 23/24 "
               "(financial year April 2023 to March 2024). ")
    a3.add_run("These are the only usage fig")
    a3.add_run("ures held.").underline = True
    answers[3].add_run("The Trust does not hold a specific policy for clinical AI. Proposals are "
                       "considered by the Digital Strategy Board and the Clinical Safety Group. No "
                       "minutes specific to clinical AI are held for the period requested.")
    doc.add_paragraph(ICO_TEXT)
    doc.add_paragraph("Yours sincerely")
    sp = doc.add_paragraph()
    sp.add_run("Information Governance / FOI Team").bold = True
    doc.add_paragraph(tname(k))
    docx_bytes = docx_finish(doc, "FOI response", "2024-10-24T09:12:00Z", "2024-10-25T11:03:00Z")

    msg = render(
        outlook_headers("ESHT FOI <esht.foi@nhs.net>", REQUESTER_EMAIL,
                        "RE: Freedom of Information Request - Clinical AI systems (ESHT FOI 2024-871)",
                        rfc_date(2024, 10, 25, 11, 20, 44),
                        "<CWLP265MB6714A0B1C2D3E4F5A6B7C8D9E0F1A@CWLP265MB6714.GBRP265.PROD.OUTLOOK.COM>",
                        in_reply_to=REQ_MSGID, thread_index="AQHbCaJ0x3Ff2mN5TkW4l8qZb9v0DwAAJ4Qx"),
        multipart("mixed", "_005_CWLP265MB6714A0B1C2D3E4F5A6B7C8D9E0F1ACWLP265MB6714GBRP_", [
            text_part("Good morning,\r\n\r\nPlease find attached the Trust's response to your recent "
                      "Freedom of\r\nInformation request.\r\n\r\nMany thanks\r\n\r\nFOI Team\r\n"
                      "East Sussex Healthcare NHS Trust\r\n", charset="us-ascii", cte="7bit"),
            attach_part(docx_bytes,
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        "FOI 2024-871 response.docx"),
        ]))
    write("RE_ Freedom of Information Request - Clinical AI systems (ESHT FOI 2024-871).eml", msg)


# ---------------------------------------------------------------------------
# 7. Northern Care Alliance: e-mail with XLSX (2 sheets, formula with cached value, date)
# ---------------------------------------------------------------------------
def xlsx_set_cached(sheet_xml, cell, value):
    pat = re.compile(r'(<c r="%s"[^>]*>)<f>(.*?)</f>(?:<v\s*/>|<v></v>)?(</c>)' % cell)
    new, n = pat.subn(lambda m: "%s<f>%s</f><v>%s</v>%s" % (m.group(1), m.group(2), value, m.group(3)),
                      sheet_xml.decode("utf-8"))
    assert n == 1, cell
    return new.encode("utf-8")


def sample_nca():
    import openpyxl
    from openpyxl.styles import Font, PatternFill
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "AI tools"
    bold = Font(bold=True)
    ws["A1"] = "Northern Care Alliance NHS Foundation Trust \u2013 FOI 9384 \u2013 Clinical AI"
    ws["A1"].font = Font(bold=True, size=12)
    ws["A2"] = "Date of response"
    ws["B2"] = dt.date(2024, 10, 29)
    ws["B2"].number_format = "dd/mm/yyyy"
    hdr = ["System", "Supplier", "Clinical use", "Sites", "Status"]
    for i, h in enumerate(hdr, 1):
        c = ws.cell(row=4, column=i, value=h)
        c.font = bold
        c.fill = PatternFill("solid", fgColor="DCE6F2")
    rows = [
        ("RapidAI", "iSchemaView", "Category 1 stroke detection (CT)", "All acute sites", "Live"),
        ("Motilent", "Motilent", "MRI analysis (selected sites)", "Selected sites", "Live"),
        ("Annalise Enterprise CXR", "Annalise.ai", "Chest X-ray decision support", "\u2013", "Implementing"),
    ]
    for r, row in enumerate(rows, 5):
        for c, v in enumerate(row, 1):
            ws.cell(row=r, column=c, value=v)
    ws["A9"] = "Usage figures are shown on the 'Usage 2023-24' tab."
    for col, w in zip("ABCDE", [26, 16, 36, 18, 14]):
        ws.column_dimensions[col].width = w

    ws2 = wb.create_sheet("Usage 2023-24")
    ws2["A1"] = "RapidAI \u2013 studies processed (previous year)"
    ws2["A1"].font = bold
    ws2["A2"] = "Month"
    ws2["B2"] = "Studies"
    ws2["A2"].font = ws2["B2"].font = bold
    months = ["Oct-23", "Nov-23", "Dec-23", "Jan-24", "Feb-24", "Mar-24", "Apr-24", "May-24",
              "Jun-24", "Jul-24", "Aug-24", "Sep-24"]
    counts = spread(1763, [140, 146, 151, 158, 139, 148, 144, 150, 141, 149, 147, 150])
    for i, (m, n) in enumerate(zip(months, counts)):
        ws2.cell(row=3 + i, column=1, value=m)
        ws2.cell(row=3 + i, column=2, value=n)
    ws2["A15"] = "Total"
    ws2["A15"].font = bold
    ws2["B15"] = "=SUM(B3:B14)"
    ws2["B15"].font = bold
    ws2["A17"] = "Motilent and Annalise: usage not recorded / not yet live."
    ws2.column_dimensions["A"].width = 44
    buf = io.BytesIO()
    wb.save(buf)
    xlsx = normalize_zip(buf.getvalue(), replace={
        "docProps/core.xml": core_xml("FOI 9384", "Information Governance", "Information Governance",
                                      "2024-10-28T14:05:00Z", "2024-10-29T08:51:00Z"),
        "xl/worksheets/sheet2.xml": lambda b: xlsx_set_cached(b, "B15", str(sum(counts))),
    }, post=xlsx_shared_strings)
    msg = render(
        outlook_headers("FOI <foi@nca.nhs.uk>", "\"Darwinist\" <%s>" % REQUESTER_EMAIL,
                        "Your FOI request 9384 - response", rfc_date(2024, 10, 29, 9, 3, 12),
                        "<AM9P195MB1212F00D5C0A1B2C3D4E5F60718293A4@AM9P195MB1212.EURP195.PROD.OUTLOOK.COM>",
                        thread_index="AdsqBc7f0x9Y2Qh3S0u8c1m4V7Z2Rg=="),
        multipart("mixed", "_006_AM9P195MB1212F00D5C0A1B2C3D4E5F60718293A4AM9P195MB1212EURP_", [
            text_part(wrap_text(
                "Dear Darwinist,\n\nFreedom of Information Request Ref: 9384\n\nFurther to your request "
                "for information, please see the attached spreadsheet which contains the Northern Care "
                "Alliance's response.\n\nQ1 - Yes.\nQ2 and Q3 - see attached.\nQ4 - The NCA does not "
                "hold a policy specific to clinical AI. The procurement of RapidAI and Annalise was "
                "undertaken through Greater Manchester imaging and stroke network arrangements.\n\n"
                "Kind regards,\n\nInformation Governance / FOI Team\nNorthern Care Alliance NHS "
                "Foundation Trust") + "\n", charset="us-ascii"),
            attach_part(xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        "FOI 9384 - Clinical AI.xlsx"),
        ]))
    write("Your FOI request 9384 - response.eml", msg)


# ---------------------------------------------------------------------------
# 8. Epsom and St Helier: HTML-only e-mail (Outlook style, table, &nbsp;, entities)
# ---------------------------------------------------------------------------
def sample_epsom():
    k = "epsom"
    q = REQ_Q
    td = 'style="border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt;vertical-align:top"'
    html = """<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta name="Generator" content="Microsoft Word 15 (filtered medium)">
<style><!--
p.MsoNormal, li.MsoNormal, div.MsoNormal {margin:0cm;font-size:11.0pt;font-family:"Calibri",sans-serif;}
span.EmailStyle19 {mso-style-type:personal-reply;font-family:"Arial",sans-serif;color:windowtext;}
--></style>
</head>
<body lang="EN-GB" link="#0563C1" vlink="#954F72" style="word-wrap:break-word">
<div class="WordSection1">
<p class="MsoNormal"><span style="font-family:&quot;Arial&quot;,sans-serif">Dear Requester,<o:p></o:p></span></p>
<p class="MsoNormal"><span style="font-family:&quot;Arial&quot;,sans-serif"><o:p>&nbsp;</o:p></span></p>
<p class="MsoNormal"><b><span style="font-family:&quot;Arial&quot;,sans-serif">Freedom of Information Request &#8211; Ref: 2024-1450</span></b><span style="font-family:&quot;Arial&quot;,sans-serif"><o:p></o:p></span></p>
<p class="MsoNormal"><span style="font-family:&quot;Arial&quot;,sans-serif"><o:p>&nbsp;</o:p></span></p>
<p class="MsoNormal"><span style="font-family:&quot;Arial&quot;,sans-serif">Thank you for your request received on 18&nbsp;September&nbsp;2024. Epsom and St Helier University Hospitals NHS Trust&#8217;s response is set out in the table below.<o:p></o:p></span></p>
<p class="MsoNormal"><span style="font-family:&quot;Arial&quot;,sans-serif"><o:p>&nbsp;</o:p></span></p>
<table class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse;border:none">
<tr>
<td width="300" %(td)s style="background:#D9E2F3"><p class="MsoNormal"><b><span style="font-family:&quot;Arial&quot;,sans-serif">Request<o:p></o:p></span></b></p></td>
<td width="340" %(td)s style="background:#D9E2F3"><p class="MsoNormal"><b><span style="font-family:&quot;Arial&quot;,sans-serif">Trust response<o:p></o:p></span></b></p></td>
</tr>
<tr>
<td width="300" %(td)s><p class="MsoNormal"><span style="font-family:&quot;Arial&quot;,sans-serif">1.&nbsp;%(q1)s<o:p></o:p></span></p></td>
<td width="340" %(td)s><p class="MsoNormal"><span style="font-family:&quot;Arial&quot;,sans-serif">Yes<o:p></o:p></span></p></td>
</tr>
<tr>
<td width="300" %(td)s><p class="MsoNormal"><span style="font-family:&quot;Arial&quot;,sans-serif">2.&nbsp;%(q2)s<o:p></o:p></span></p></td>
<td width="340" %(td)s><p class="MsoNormal"><span style="font-family:&quot;Arial&quot;,sans-serif">Annalise &#8211; chest x-ray (CXR) decision support<o:p></o:p></span></p>
<p class="MsoNormal"><span style="font-family:&quot;Arial&quot;,sans-serif">iSchemaView Rapid&nbsp;AI &#8211; brain CT scans (stroke)<o:p></o:p></span></p></td>
</tr>
<tr>
<td width="300" %(td)s><p class="MsoNormal"><span style="font-family:&quot;Arial&quot;,sans-serif">3.&nbsp;%(q3)s<o:p></o:p></span></p></td>
<td width="340" %(td)s><p class="MsoNormal"><span style="font-family:&quot;Arial&quot;,sans-serif">Annalise is being used on a trial basis but has been used on 68,000 scans in the past year.<o:p></o:p></span></p>
<p class="MsoNormal"><span style="font-family:&quot;Arial&quot;,sans-serif">Rapid AI &#8211; usage figures are not held by the Trust; the system was procured by the Surrey Stroke Network.<o:p></o:p></span></p></td>
</tr>
<tr>
<td width="300" %(td)s><p class="MsoNormal"><span style="font-family:&quot;Arial&quot;,sans-serif">4.&nbsp;%(q4)s<o:p></o:p></span></p></td>
<td width="340" %(td)s><p class="MsoNormal"><span style="font-family:&quot;Arial&quot;,sans-serif">The Trust does not hold a policy specific to clinical AI. The Annalise trial was approved via the Trust&#8217;s Digital Steering Group &amp; Clinical Safety Officer review (DCB0160). Rapid&nbsp;AI was procured by the Surrey Stroke Network, not the Trust.<o:p></o:p></span></p></td>
</tr>
</table>
<p class="MsoNormal"><span style="font-family:&quot;Arial&quot;,sans-serif"><o:p>&nbsp;</o:p></span></p>
<p class="MsoNormal"><span style="font-size:9.0pt;font-family:&quot;Arial&quot;,sans-serif">%(ico)s<o:p></o:p></span></p>
<p class="MsoNormal"><span style="font-family:&quot;Arial&quot;,sans-serif"><o:p>&nbsp;</o:p></span></p>
<p class="MsoNormal"><span style="font-family:&quot;Arial&quot;,sans-serif">Kind regards<o:p></o:p></span></p>
<p class="MsoNormal"><span style="font-family:&quot;Arial&quot;,sans-serif"><o:p>&nbsp;</o:p></span></p>
<p class="MsoNormal"><b><span style="font-family:&quot;Arial&quot;,sans-serif;color:#005EB8">Information Governance / FOI Team<o:p></o:p></span></b></p>
<p class="MsoNormal"><span style="font-family:&quot;Arial&quot;,sans-serif">Epsom and St&nbsp;Helier University Hospitals NHS Trust<o:p></o:p></span></p>
<p class="MsoNormal"><span style="font-family:&quot;Arial&quot;,sans-serif">St Helier Hospital | Wrythe Lane | Carshalton | SM5&nbsp;1AA<o:p></o:p></span></p>
</div>
</body>
</html>
""" % dict(td=td, q1=esc(q[0]), q2=esc(q[1]), q3=esc(q[2]), q4=esc(q[3]),
           ico=esc(ICO_TEXT).replace("Commissioner's", "Commissioner&#8217;s"))
    # the background style is on a second style attribute in a few cells; merge as Outlook would
    html = html.replace('vertical-align:top" style="background:#D9E2F3"', 'vertical-align:top;background:#D9E2F3"')
    msg = render(
        outlook_headers("ESTH FOI <esth.foi@nhs.net>", "'Darwinist' <%s>" % REQUESTER_EMAIL,
                        "Freedom of Information Request - Ref 2024-1450", rfc_date(2024, 11, 1, 16, 5, 31),
                        "<DB8PR04MB6809C0E1A2B3C4D5E6F708192A3B4C@DB8PR04MB6809.eurprd04.prod.outlook.com>",
                        in_reply_to=REQ_MSGID, has_attach=False),
        text_part(html, subtype="html", charset="utf-8"))
    write("Freedom of Information Request - Ref 2024-1450.eml", msg)


# ---------------------------------------------------------------------------
# 9. Hull: windows-1252 body labelled iso-8859-1, RFC 2047 subject, RFC 2231 filename
# ---------------------------------------------------------------------------
def sample_hull():
    k = "hull"
    body = ("Dear Darwinist,\n\n"
            "Re: Freedom of Information request \u2013 FOI 2024/1129\n\n"
            "Thank you for your request dated 18 September 2024. Hull University Teaching Hospitals "
            "NHS Trust\u2019s response is below.\n\n"
            "1. Does the trust currently use any clinical AI systems? \u2013 Yes.\n\n"
            "2. List of systems:\n"
            "   - iSchemaView Rapid AI \u2013 stroke imaging (CT perfusion / CTA)\n"
            "   - Aidence (Veye Lung Nodules) \u2013 CT reporting for the Targeted Lung Health Check "
            "programme\n"
            "   - Synthesia AI \u2013 used to create patient information videos (not used in diagnosis "
            "or treatment, included for completeness)\n\n"
            "3. Usage: Aidence \u2013 2777 lung checks in 12 months (see attached). The Trust does not "
            "hold a report of Rapid AI usage; to extract the number of studies from PACS manually "
            "would exceed the appropriate limit of \u00a3450 (18 hours at \u00a325 per hour) under "
            "section 12 of the Act, so we have not done so for this part.\n\n"
            "4. The Trust doesn\u2019t hold a specific clinical AI policy. AI products are assessed "
            "through the Trust\u2019s Digital Governance process (DTAC, DPIA and DCB0160 clinical "
            "safety). No committee minutes specific to clinical AI were identified.\n\n"
            "If you are unhappy with this response you may ask for an internal review; you also have "
            "the right to complain to the Information Commissioner\u2019s Office.\n\n"
            "Kind regards\n\n"
            "Information Governance / FOI Team\n"
            "Hull University Teaching Hospitals NHS Trust\n"
            "Hull Royal Infirmary \u2013 Anlaby Road \u2013 Hull \u2013 HU3 2JZ\n")
    raw = wrap_text(body, 74).encode("cp1252")
    assert b"\x96" in raw and b"\x92" in raw and b"\xa3" in raw
    months = ["Oct 2023", "Nov 2023", "Dec 2023", "Jan 2024", "Feb 2024", "Mar 2024", "Apr 2024",
              "May 2024", "Jun 2024", "Jul 2024", "Aug 2024", "Sep 2024"]
    counts = spread(2777, [230, 241, 180, 236, 244, 239, 226, 250, 233, 222, 238, 238])
    rows = [["Month", "Lung health checks \u2013 CT scans analysed by Veye"]]
    rows += [[m, str(n)] for m, n in zip(months, counts)]
    rows += [["Total (12 months)", str(sum(counts))]]
    csvdata = csv_bytes(rows, encoding="cp1252")
    # file name "Lung Health Check \u2013 Aidence usage.csv", encoded both ways as Outlook does
    fname_2047 = "=?utf-8?Q?Lung_Health_Check_=E2=80=93_Aidence_usage.csv?="
    fname_2231 = "utf-8''Lung%20Health%20Check%20%E2%80%93%20Aidence%20usage.csv"
    att = part([("Content-Type", 'text/csv; name="%s"' % fname_2047),
                ("Content-Disposition", "attachment;\r\n\tfilename*=%s" % fname_2231),
                ("Content-Transfer-Encoding", "base64")], enc_b64(csvdata))
    body_part = part([("Content-Type", 'text/plain; charset="iso-8859-1"'),
                      ("Content-Transfer-Encoding", "quoted-printable")], enc_qp(raw))
    assert b"=96" in body_part[1] and b"=92" in body_part[1] and b"=A3" in body_part[1]
    msg = render(
        [("From", "HUTH FOI <hyp-tr.foi@nhs.net>"),
         ("To", REQUESTER_EMAIL),
         ("Subject", "=?windows-1252?Q?FOI_2024/1129_=96_Clinical_Artificial_Intelligence?="),
         ("Date", rfc_date(2024, 10, 15, 12, 7, 55)),
         ("Message-ID", "<000b01db1ef4$a1b2c3d0$e4f5a6b7$@nhs.net>"),
         ("X-Mailer", "Microsoft Outlook 16.0"),
         ("Thread-Index", "AQJx0iW3d2Zk1y6qWv5mR8sT0aBcDw=="),
         ("Content-Language", "en-gb")],
        multipart("mixed", "----=_NextPart_000_000C_01DB1EF4.A1B2C3D0", [body_part, att],
                  preamble=b"This is a multipart message in MIME format.\r\n\r\n"))
    write("FOI 2024_1129 - Clinical Artificial Intelligence.eml", msg)


# ---------------------------------------------------------------------------
# 10. Mid Yorkshire: reply on top, quoted request below, forwarded message/rfc822 with CSV
# ---------------------------------------------------------------------------
def sample_midyorks():
    k = "midyorks"
    months = ["Oct-23", "Nov-23", "Dec-23", "Jan-24", "Feb-24", "Mar-24", "Apr-24", "May-24",
              "Jun-24", "Jul-24", "Aug-24", "Sep-24"]
    counts = spread(1025, [85, 88, 90, 92, 80, 84, 83, 86, 82, 85, 84, 86])
    csvdata = csv_bytes([["Month", "RapidAI studies"]] + [[m, n] for m, n in zip(months, counts)]
                        + [["Total", sum(counts)]], bom=True)
    inner = render(
        [("From", "\"Radiology PACS Team (MID YORKSHIRE TEACHING NHS TRUST)\" <myt-tr.pacs@nhs.net>"),
         ("To", "\"FOI Team (MID YORKSHIRE TEACHING NHS TRUST)\" <myt-tr.foi@nhs.net>"),
         ("Subject", "RE: FOI 24-2251 - radiology input needed (Clinical AI)"),
         ("Date", rfc_date(2024, 10, 8, 14, 12, 40)),
         ("Message-ID", "<PA4P191MB1806B0A9E8D7C6B5A4F3E2D1C0B9A8F7@PA4P191MB1806.EURP191.PROD.OUTLOOK.COM>"),
         ("Content-Language", "en-GB")],
        multipart("mixed", "_002_PA4P191MB1806B0A9E8D7C6B5A4F3E2D1C0B9A8F7PA4P191MB1806EURP_", [
            text_part("Hi,\r\n\r\nThe only AI product radiology uses is iSchemaView RapidAI, which "
                      "assists with\r\nsecondary capture and reporting of stroke CT. Study counts "
                      "from the RapidAI\r\nportal are attached - 1025 studies in the previous year.\r\n"
                      "\r\nThanks\r\n\r\nPACS Manager\r\nRadiology, Pinderfields Hospital\r\n",
                      charset="us-ascii", cte="7bit"),
            attach_part(csvdata, "text/csv", "RapidAI studies Oct23-Sep24.csv"),
        ]))
    top = ("Dear Darwinist,\r\n\r\n"
           "Please see below the Trust's response to your request (our ref: FOI 24-2251).\r\n\r\n"
           "Q1 - Yes.\r\n"
           "Q2 - iSchemaView RapidAI, used to assist in secondary capture and radiology reporting\r\n"
           "(stroke CT).\r\n"
           "Q3 - RapidAI was used for 1025 studies in the previous year. A monthly breakdown\r\n"
           "from our Radiology department is in the attached e-mail.\r\n"
           "Q4 - The Trust does not have a clinical AI policy. RapidAI was implemented through\r\n"
           "the regional stroke network; no Trust committee minutes specific to its approval\r\n"
           "are held.\r\n\r\n"
           "Kind regards\r\n\r\nInformation Governance / FOI Team\r\n"
           "Mid Yorkshire Teaching NHS Trust\r\n\r\n"
           "-----Original Message-----\r\n"
           "From: Darwinist <%s>\r\n"
           "Sent: Wednesday, October 9, 2024 4:18 PM\r\n"
           "To: FOI Team (MID YORKSHIRE TEACHING NHS TRUST) <myt-tr.foi@nhs.net>\r\n"
           "Subject: Re: Freedom of Information request - Clinical AI\r\n\r\n"
           "Dear FOI Team,\r\n\r\n"
           "I have not yet received a response to my request below. Please could you let\r\n"
           "me know when I can expect one?\r\n\r\n"
           "Many thanks,\r\nDarwinist\r\n\r\n"
           "On 18 Sep 2024, at 10:02, Darwinist <%s> wrote:\r\n\r\n" % (REQUESTER_EMAIL, REQUESTER_EMAIL))
    top += request_text_block("> ").replace("\n", "\r\n") + "\r\n"
    msg = render(
        outlook_headers("\"FOI Team (MID YORKSHIRE TEACHING NHS TRUST)\" <myt-tr.foi@nhs.net>",
                        "Darwinist <%s>" % REQUESTER_EMAIL,
                        "RE: FOI request - Clinical AI (MYT 24-2251)", rfc_date(2024, 10, 10, 10, 31, 2),
                        "<PA4P191MB18067F6E5D4C3B2A19081726354453A@PA4P191MB1806.EURP191.PROD.OUTLOOK.COM>",
                        in_reply_to=REQ_MSGID, topic="Freedom of Information request - Clinical AI"),
        multipart("mixed", "_003_PA4P191MB18067F6E5D4C3B2A19081726354453APA4P191MB1806EURP_", [
            text_part(top, charset="us-ascii", cte="7bit"),
            part([("Content-Type", 'message/rfc822'),
                  ("Content-Disposition", 'attachment;\r\n\tfilename="RE FOI 24-2251 - radiology input needed (Clinical AI).eml"')],
                 inner),
        ]))
    write("RE_ FOI request - Clinical AI (MYT 24-2251).eml", msg)


# ---------------------------------------------------------------------------
# 11. MFT: two-file reply (cover e-mail + separate letter)
# ---------------------------------------------------------------------------
def sample_mft():
    k = "mft"
    ref = "FOI/2024/09/2871"
    folder = "MFT FOI 2024-09-2871"
    blocks = address_blocks(ref, "7th November 2024", "Dear Requester") + [
        ("h", "Freedom of Information Act 2000: Request for Information"),
        ("p", "We refer to your request for information received on 18/09/2024. Manchester University "
              "NHS Foundation Trust (MFT) has now completed its searches and our response is below."),
        ("h2", "Your request"), ("p", esc(REQ_INTRO)),
    ] + [("p", "%d) %s" % (i, q)) for i, q in enumerate(REQ_Q, 1)] + [
        ("h2", "Our response"),
        ("p", "1) Yes."),
        ("p", "2) Skin Analytics DERM \u2013 AI as a medical device used to triage skin lesion images "
              "within the dermatology (teledermatology) pathway."),
        ("p", "3) DERM was used on 1166 patients between May and October 2024."),
        ("p", "4) The Trust's Digital Clinical Safety and Information Governance processes apply to all "
              "new digital technologies. The Trust is developing an AI governance framework; a copy "
              "is not yet available as it is in draft."),
        ("p", REUSE_TEXT), ("p", ICO_TEXT),
    ] + signoff()
    pdf = letter_pdf(k, ref, "FOI 2871 Response Letter", blocks, dt.datetime(2024, 11, 7, 13, 41))
    write(folder + "/FOI 2871 Response Letter.pdf", pdf)
    msg = render(
        outlook_headers("MFT FOI <foi@mft.nhs.uk>", REQUESTER_EMAIL,
                        "FOI/2024/09/2871 - Response", rfc_date(2024, 11, 7, 13, 58, 20),
                        "<LO4P265MB3936DD4C3B2A1908F7E6D5C4B3A29180@LO4P265MB3936.GBRP265.PROD.OUTLOOK.COM>",
                        in_reply_to=REQ_MSGID, has_attach=False),
        text_part("Dear Requester,\r\n\r\nRe: FOI/2024/09/2871\r\n\r\nThank you for your request for "
                  "information. Our response is attached\r\nseparately as a letter - please see the "
                  "letter for the Trust's full answer.\r\n\r\nKind regards,\r\n\r\nFOI Team\r\n"
                  "Manchester University NHS Foundation Trust\r\n", charset="us-ascii", cte="7bit"))
    write(folder + "/Email - FOI response.eml", msg)


# ---------------------------------------------------------------------------
# 12. UHD: e-mail with a 12-page AI governance policy PDF
# ---------------------------------------------------------------------------
POLICY_CHECKLIST = [
    ('C1', 'Clinical need and intended use described, including the patient pathway affected'),
    ('C2', 'Regulatory status confirmed (UKCA / CE class, MHRA registration)'),
    ('C3', 'DTAC completed and reviewed by the Digital Transformation team'),
    ('C4', 'Evidence of performance, including independent or peer-reviewed evaluation'),
    ('C5', 'Performance on Trust data validated before clinical use'),
    ('C6', 'Data Protection Impact Assessment approved by the Data Protection Officer'),
    ('C7', 'Clinical safety case and hazard log (DCB0160) signed off by the Clinical Safety Officer'),
    ('C8', 'Cyber security assessment and Data Security and Protection Toolkit status of supplier'),
    ('C9', 'Integration with PACS, EPR and other systems agreed with IT'),
    ('C10', 'Training plan and user guidance agreed'),
    ('C11', 'Monitoring plan: usage, performance and incident reporting'),
    ('C12', 'Business case and funding route approved'),
    ('C13', 'Contract terms: data ownership, model updates, exit arrangements'),
    ('C14', 'Equality Impact Assessment completed'),
    ('C15', 'Patient information and communication agreed'),
]


def policy_pdf():
    k = "uhd"
    ref = "UHD AI Governance Policy v1.0"
    sections = [
        ("Introduction", [
            "This policy sets out how University Hospitals Dorset NHS Foundation Trust (the Trust) "
            "identifies, assesses, approves, deploys and monitors artificial intelligence (AI) "
            "technologies used in the delivery of care.",
            "AI technologies offer opportunities to improve patient outcomes, reduce waiting times and "
            "support clinical staff, but they also introduce risks relating to patient safety, data "
            "protection, bias, cyber security and the sustainability of services."]),
        ("Purpose", [
            "The purpose of this policy is to ensure that every AI technology used by the Trust is "
            "safe, effective, lawful, ethical and represents value for money.",
            "The policy provides a single route for approval so that clinical, digital, information "
            "governance and procurement requirements are considered together."]),
        ("Scope", [
            "This policy applies to all staff employed by the Trust, including bank, agency and "
            "honorary staff, and to any third party providing services on behalf of the Trust.",
            "It covers AI used in diagnosis, triage, treatment planning, monitoring and prognosis, and "
            "AI used in operational or administrative processes where the output may influence care."]),
        ("Definitions", [
            "Artificial intelligence: computer systems able to perform tasks that normally require "
            "human intelligence, including machine learning, deep learning and natural language "
            "processing.",
            "Clinical AI: an AI technology used in patient diagnosis or treatment, or whose output is "
            "intended to inform a clinical decision.",
            "AI as a Medical Device (AIaMD): software meeting the definition of a medical device under "
            "the UK Medical Devices Regulations 2002."]),
        ("Duties and Responsibilities", [
            "The Chief Medical Officer is the executive lead for clinical AI. The Chief Digital and "
            "Information Officer is responsible for the technical assurance of AI technologies.",
            "The AI Steering Group reports to the Digital Transformation Board and is responsible for "
            "recommending approval of AI technologies.",
            "The Clinical Safety Officer is responsible for the clinical risk management file under "
            "DCB0160 for each deployment."]),
        ("AI Steering Group", [
            "The AI Steering Group meets monthly. Its membership includes clinical leads from "
            "radiology, cardiology, dermatology and stroke, the Clinical Safety Officer, the Data "
            "Protection Officer, a procurement lead and a patient representative.",
            "The Group keeps a register of all AI technologies under evaluation, approved or "
            "decommissioned, and reviews that register quarterly."]),
        ("Identification of AI Technologies", [
            "Proposals for AI technologies may come from clinical services, regional networks, the "
            "Integrated Care Board or suppliers. All proposals must be submitted on the AI proposal "
            "form to the AI Steering Group.",
            "Where an AI technology is commissioned through a regional network or national programme, "
            "the Trust remains responsible for local deployment assurance."]),
        ("Assessment and Approval", [
            "Each proposal is assessed against the Digital Technology Assessment Criteria (DTAC) and "
            "the questions in 'A Buyer's Guide to AI in Health and Care'.",
            "A Data Protection Impact Assessment must be approved by the Data Protection Officer "
            "before any patient data is processed.",
            "Evidence of regulatory status (UKCA or CE marking and MHRA registration) must be provided "
            "for any AI as a Medical Device.",
            "The AI Steering Group may recommend approval, approval as a time-limited evaluation, or "
            "rejection. Final approval rests with the Digital Transformation Board."]),
        ("Procurement", [
            "AI technologies are procured in line with the Trust's Standing Financial Instructions "
            "and, where available, through national frameworks.",
            "Contracts must include provisions on data ownership, model updates, performance "
            "reporting, post-market surveillance and exit arrangements."]),
        ("Clinical Safety", [
            "A hazard log and clinical safety case report must be completed under DCB0160 before "
            "go-live and updated following any significant change to the technology.",
            "AI outputs must be reviewed by an appropriately qualified clinician; AI technologies are "
            "not permitted to make autonomous clinical decisions."]),
        ("Implementation", [
            "Implementation plans must include training for users, a period of parallel running where "
            "appropriate, and agreed measures of success.",
            "Local performance must be validated on Trust data before the technology is used to "
            "inform patient care."]),
        ("Monitoring and Evaluation", [
            "Services using AI technologies must report usage, performance and incidents to the AI "
            "Steering Group at least every six months.",
            "Any incident involving an AI technology must be reported through the Trust's incident "
            "reporting system and, for medical devices, to the MHRA Yellow Card scheme."]),
        ("Information Governance", [
            "Personal data processed by AI technologies must be processed lawfully in accordance with "
            "UK GDPR and the Data Protection Act 2018, and the National Data Opt-out must be applied "
            "where required.",
            "Data must not be used by a supplier to train or retrain models unless this has been "
            "explicitly agreed and assessed."]),
        ("Equality and Ethics", [
            "An Equality Impact Assessment must be completed for each AI technology, considering "
            "whether the technology performs consistently across patient groups.",
            "Patients should be informed, in accessible language, where AI is used in their care."]),
        ("Training", [
            "Staff using AI technologies must complete training provided by the supplier and the "
            "service before use. Training records are held by the service."]),
        ("Review", [
            "This policy will be reviewed every two years, or sooner in response to changes in "
            "legislation, national guidance or organisational structure."]),
    ]
    blocks = [("h", "Artificial Intelligence Governance Policy"),
              ("t", [["Document", "Artificial Intelligence Governance Policy"],
                     ["Version", "1.0"], ["Approved by", "Digital Transformation Board"],
                     ["Date approved", "14/03/2024"], ["Review date", "March 2026"],
                     ["Author", "Chief Clinical Information Officer"],
                     ["Target audience", "All staff"]], [50 * mm, 110 * mm]),
              ("h2", "Contents")]
    blocks += [("p", "%d. %s" % (i, s[0])) for i, s in enumerate(sections, 1)]
    blocks += [("p", "Appendix A. Register of approved AI technologies"),
               ("p", "Appendix B. Version control"),
               ("p", "Appendix C. AI proposal checklist"),
               ("p", "Appendix D. Equality impact assessment screening"), ("pb",)]
    for i, (title, paras) in enumerate(sections, 1):
        blocks.append(("h", "%d. %s" % (i, title)))
        for j, text in enumerate(paras, 1):
            blocks.append(("p", "%d.%d %s" % (i, j, esc(text))))
            if j == 1:
                blocks.append(("p", "%d.1.1 Services should seek advice from the Digital Transformation "
                                    "team at an early stage so that assurance activity can be planned "
                                    "alongside clinical and operational work." % i))
        blocks.append(("p", "%d.%d The requirements in this section apply whether the technology is "
                            "hosted by the Trust, by a supplier, or by a partner organisation, and "
                            "whether it is funded locally, regionally or nationally. Services must keep "
                            "records that show how these requirements have been met and make them "
                            "available to the AI Steering Group on request." % (i, len(paras) + 1)))
        if i % 2 == 0 and i < len(sections):
            blocks.append(("p", "This section should be read together with the Trust's Medical Devices "
                                "Management Policy, Information Governance Policy, Clinical Risk "
                                "Management Policy and Procurement Policy. Where there is a conflict, "
                                "the AI Steering Group will advise which requirement takes precedence, "
                                "and record its advice in the minutes of the next meeting."))
            blocks.append(("pb",))
    blocks += [("pb",), ("h", "Appendix A. Register of approved AI technologies"),
               ("t", [["Technology", "Supplier", "Specialty", "Status"],
                      ["RapidAI", "iSchemaView", "Stroke", "Approved \u2013 live"],
                      ["FFRct", "Heartflow", "Cardiology", "Approved \u2013 live"],
                      ["DERM", "Skin Analytics", "Dermatology", "Approved \u2013 live"],
                      ["Veye Lung Nodules", "Aidence", "Targeted Lung Health Check", "Approved \u2013 live"]],
                [40 * mm, 35 * mm, 55 * mm, 40 * mm]),
               ("pb",), ("h", "Appendix C. AI proposal checklist"),
               ("p", "The checklist below must be completed by the proposing service and submitted to the AI "
                     "Steering Group with the AI proposal form. Items marked as not applicable must be "
                     "explained."),
               ("t", [["Ref", "Requirement", "Evidence attached (Y/N)"]] + [[a_, b_, ""] for a_, b_ in POLICY_CHECKLIST],
                [15 * mm, 115 * mm, 40 * mm]),
               ("pb",), ("h", "Appendix D. Equality impact assessment screening"),
               ("t", [["Protected characteristic", "Potential impact", "Mitigation"],
                      ["Age", "Performance may differ in paediatric or very elderly patients",
                       "Confirm intended population with supplier; local validation"],
                      ["Disability", "Accessibility of patient-facing outputs", "Accessible information standard"],
                      ["Race", "Training data may under-represent some ethnic groups",
                       "Request subgroup performance data; monitor outcomes"],
                      ["Sex", "Performance may differ between men and women", "Request subgroup performance data"],
                      ["Religion or belief", "None identified", "\u2013"],
                      ["Sexual orientation", "None identified", "\u2013"],
                      ["Gender reassignment", "None identified", "\u2013"],
                      ["Pregnancy and maternity", "Imaging protocols may differ", "Clinical review of outputs"],
                      ["Marriage and civil partnership", "None identified", "\u2013"]],
                [50 * mm, 65 * mm, 55 * mm]),
               ("p", "Screening completed by the policy author. No full Equality Impact Assessment is "
                     "required for the policy itself; an assessment is required for each AI technology."),
               ("pb",), ("h", "Appendix B. Version control"),
               ("t", [["Version", "Date", "Change"],
                      ["0.1", "October 2023", "First draft for consultation"],
                      ["0.2", "January 2024", "Comments from AI Steering Group"],
                      ["1.0", "March 2024", "Approved by Digital Transformation Board"]],
                [25 * mm, 35 * mm, 110 * mm])]
    return letter_pdf(k, ref, "Artificial Intelligence Governance Policy", blocks, dt.datetime(2024, 3, 14, 16, 2), letterhead=False,
                      footer_left="UHD \u2013 Artificial Intelligence Governance Policy v1.0 \u2013 "
                                  "Uncontrolled when printed")


def sample_uhd():
    k = "uhd"
    pdf = policy_pdf()
    body = ("Dear Requester,\r\n\r\nFreedom of Information Request - FOI 1633\r\n\r\n"
            "Please find below the Trust's response to your request.\r\n\r\n"
            "1. Does the trust currently use any clinical AI systems in diagnosing or treating\r\n"
            "patients?\r\nYes\r\n\r\n"
            "2. Please provide a list of clinical AI systems currently used by the trust.\r\n"
            "- iSchemaView RapidAI - stroke department\r\n"
            "- Heartflow - cardiology\r\n"
            "- Skin Analytics - dermatology\r\n"
            "- Aidence - Targeted Lung Health Check\r\n\r\n"
            "3. Usage frequency over the past 12 months\r\n"
            "The Trust does not hold a report of usage frequency for these systems.\r\n\r\n"
            "4. Policies, procedures or committee minutes\r\n"
            "Please see attached the Trust's Artificial Intelligence Governance Policy.\r\n"
            "Minutes of the AI Steering Group are withheld under section 36(2)(b) as their\r\n"
            "disclosure would be likely to inhibit the free and frank exchange of views.\r\n\r\n"
            "Kind regards\r\n\r\nInformation Governance / FOI Team\r\n"
            "University Hospitals Dorset NHS Foundation Trust\r\n")
    msg = render(
        outlook_headers("UHD FOI <foi@uhd.nhs.uk>", REQUESTER_EMAIL,
                        "FOI 1633 - response and attachments", rfc_date(2024, 11, 12, 10, 14, 9),
                        "<CWXP265MB4281B2A3C4D5E6F708192A3B4C5D6E7F@CWXP265MB4281.GBRP265.PROD.OUTLOOK.COM>",
                        in_reply_to=REQ_MSGID),
        multipart("mixed", "_007_CWXP265MB4281B2A3C4D5E6F708192A3B4C5D6E7FCWXP265MB4281GBRP_", [
            text_part(body, charset="us-ascii", cte="7bit"),
            attach_part(pdf, "application/pdf", "AI Governance Policy v1.0.pdf"),
        ]))
    write("FOI 1633 - response and attachments.eml", msg)
    return pdf


# ---------------------------------------------------------------------------
# 13a. Sheffield: refusal notice, s12 and s43(2)
# ---------------------------------------------------------------------------
def sample_sheffield():
    k = "sth"
    ref = "FOI 24-1905"
    blocks = address_blocks(ref, "Date: 14 November 2024", "Dear Requester") + [
        ("h", "REFUSAL NOTICE \u2013 Freedom of Information Act 2000, section 17"),
        ("p", "Thank you for your request for information received on 18 September 2024 regarding "
              "clinical artificial intelligence (AI) systems. Please accept our apologies for the delay "
              "in responding."),
        ("q", "Question 1: " + REQ_Q[0]),
        ("p", "Yes. The Trust can confirm that it uses AI systems."),
        ("q", "Questions 2 and 3: " + REQ_Q[1] + " " + REQ_Q[2]),
        ("p", "The Trust does not hold a central register of AI functionality. AI features are "
              "embedded in a large number of clinical systems and imaging devices across the Northern "
              "General, Royal Hallamshire, Weston Park, Jessop Wing and Charles Clifford sites. To "
              "identify each system and extract usage data, staff would need to contact every "
              "directorate and review supplier documentation and system logs."),
        ("p", "We estimate this would take in excess of 40 hours. Section 12(1) of the Freedom of "
              "Information Act 2000 does not oblige a public authority to comply with a request if "
              "the authority estimates that the cost of complying would exceed the appropriate limit. "
              "The appropriate limit for the Trust is \u00a3450, which represents 18 hours of work at "
              "\u00a325 per hour. This part of your request is therefore refused under section 12."),
        ("p", "Under section 16 (advice and assistance) you may wish to narrow your request, for "
              "example to a single specialty such as radiology."),
        ("q", "Question 4: " + REQ_Q[3]),
        ("p", "The Trust holds procurement evaluation documents and business cases relating to AI "
              "products. This information is exempt under section 43(2) (commercial interests), as "
              "disclosure would, or would be likely to, prejudice the commercial interests of the "
              "Trust and of the suppliers concerned, including their ability to compete in current "
              "and future tenders."),
        ("p", "Section 43 is a qualified exemption and we have considered the public interest. We "
              "recognise the public interest in transparency and in how public money is spent. "
              "However, we consider that the public interest in maintaining a fair and competitive "
              "procurement environment outweighs the public interest in disclosure at this time."),
        ("p", ICO_TEXT),
    ] + signoff()
    write("FOI 24-1905 Refusal Notice.pdf", letter_pdf(k, ref, "Refusal notice", blocks, dt.datetime(2024, 11, 14, 11, 5)))


# ---------------------------------------------------------------------------
# 13b. Gloucestershire: partial refusal citing s21 (URL)
# ---------------------------------------------------------------------------
def sample_glos():
    k = "glos"
    body = ("Dear Darwinist\n\n"
            "Freedom of Information Request - Ref: 24-10-233\n\n"
            "Gloucestershire Hospitals NHS Foundation Trust has now considered your request. "
            "Our response is below.\n\n"
            "1. Does the trust currently use any clinical AI systems in diagnosing or treating patients?\n"
            "Yes.\n\n"
            "2. Please provide a list of clinical AI systems currently used by the trust.\n"
            "Brainomix eStroke - used in the thrombectomy assessment of stroke patients before "
            "transfer to the regional thrombectomy centre.\n\n"
            "3. Usage frequency over the past 12 months.\n"
            "This information is not held centrally by the Trust.\n\n"
            "4. Policies, procedures or committee minutes.\n"
            "The Trust's policies, including its Information Governance and Digital policies, and the "
            "papers and minutes of the public Trust Board, are published on our website. This "
            "information is therefore exempt under section 21 of the Freedom of Information Act 2000 "
            "(information reasonably accessible to the applicant by other means). It can be found "
            "here:\n\n"
            "https://www.gloshospitals.nhs.uk/about-us/policies-and-procedures/\n"
            "https://www.gloshospitals.nhs.uk/about-us/trust-board/board-papers/\n\n"
            "The Trust does not hold a policy specific to clinical AI.\n\n"
            "If you are dissatisfied with the handling of your request you can ask for an internal "
            "review by writing to the FOI Team. You also have the right to complain to the "
            "Information Commissioner's Office (ico.org.uk).\n\n"
            "Yours sincerely\n\n"
            "Information Governance / FOI Team\n"
            "Gloucestershire Hospitals NHS Foundation Trust\n"
            "Cheltenham General Hospital, Sandford Road, Cheltenham, GL53 7AN\n")
    msg = render(
        [("From", "\"FOI (GLOUCESTERSHIRE HOSPITALS NHS FOUNDATION TRUST)\" <ghn-tr.foi@nhs.net>"),
         ("To", "\"Darwinist\" <%s>" % REQUESTER_EMAIL),
         ("Subject", "RE: Freedom of Information request - Clinical AI [Ref: 24-10-233]"),
         ("Date", rfc_date(2024, 10, 17, 16, 44, 0)),
         ("Message-ID", "<LO6P123MB7021A5B6C7D8E9F0A1B2C3D4E5F6A7B8@LO6P123MB7021.GBRP123.PROD.OUTLOOK.COM>"),
         ("In-Reply-To", REQ_MSGID),
         ("References", REQ_MSGID)],
        text_part(wrap_text(body) + "\n", charset="us-ascii"))
    write("RE_ Freedom of Information request - Clinical AI [Ref_ 24-10-233].eml", msg)


# ---------------------------------------------------------------------------
# 14. WWL: e-mail with a ZIP (PDF letter + CSV)
# ---------------------------------------------------------------------------
def sample_wwl():
    k = "wwl"
    ref = "FOI 3345"
    blocks = address_blocks(ref, "8th October 2024", "Dear Requester") + [
        ("h", "Freedom of Information Request \u2013 " + ref),
        ("q", "1. " + REQ_Q[0]), ("p", "Yes."),
        ("q", "2. " + REQ_Q[1]),
        ("p", "AZmed Rayvolve \u2013 AI fracture detection for MSK X-rays (Emergency Department and "
              "Urgent Care)."),
        ("q", "3. " + REQ_Q[2]),
        ("p", "Rayvolve was used 64,356 times between January and October 2024. A monthly breakdown is "
              "provided in the attached CSV file."),
        ("q", "4. " + REQ_Q[3]),
        ("p", "WWL does not hold a specific policy for clinical AI. Rayvolve was approved through the "
              "Trust's Digital Assurance Group following completion of a DTAC assessment, DPIA and "
              "clinical safety case."),
        ("p", ICO_TEXT),
    ] + signoff()
    pdf = letter_pdf(k, ref, "FOI 3345 response letter", blocks, dt.datetime(2024, 10, 8, 11, 26))
    months = ["Jan-24", "Feb-24", "Mar-24", "Apr-24", "May-24", "Jun-24", "Jul-24", "Aug-24", "Sep-24",
              "Oct-24 (to 6th)"]
    counts = spread(64356, [69, 66, 71, 70, 73, 71, 72, 70, 69, 13])
    csvdata = csv_bytes([["Month", "Rayvolve examinations"]] + [[m, n] for m, n in zip(months, counts)]
                        + [["Total", sum(counts)]])
    z = make_zip([("FOI 3345 response letter.pdf", pdf), ("Rayvolve usage Jan-Oct 2024.csv", csvdata)],
                 date_time=(2024, 10, 8, 11, 30, 0))
    msg = render(
        outlook_headers("WWL FOI <wwl.foi@wwl.nhs.uk>", REQUESTER_EMAIL, "FOI 3345 Clinical AI",
                        rfc_date(2024, 10, 8, 12, 2, 18),
                        "<AS8P191MB1543C1D2E3F4A5B6C7D8E9F0A1B2C3D4@AS8P191MB1543.EURP191.PROD.OUTLOOK.COM>",
                        in_reply_to=REQ_MSGID),
        multipart("mixed", "_008_AS8P191MB1543C1D2E3F4A5B6C7D8E9F0A1B2C3D4AS8P191MB1543EURP_", [
            text_part("Dear Requester\r\n\r\nPlease find our response to your FOI request attached "
                      "(zipped).\r\n\r\nRegards\r\n\r\nFOI Office\r\nWrightington, Wigan and Leigh "
                      "Teaching Hospitals NHS Foundation Trust\r\n", charset="us-ascii", cte="7bit"),
            attach_part(z, "application/x-zip-compressed", "FOI 3345.zip"),
        ]))
    write("FOI 3345 Clinical AI.eml", msg)


# ---------------------------------------------------------------------------
# 15. Kettering: winmail.dat (TNEF) carrying the PDF letter
# ---------------------------------------------------------------------------
def tnef_attr(level, attr_id, data):
    return struct.pack("<BII", level, attr_id, len(data)) + data + struct.pack("<H", sum(data) & 0xFFFF)


def tnef_date(t):
    return struct.pack("<7H", t.year, t.month, t.day, t.hour, t.minute, t.second, (t.weekday() + 1) % 7)


def build_tnef(subject, sent, files, body=None):
    LVL_MSG, LVL_ATT = 0x01, 0x02
    out = struct.pack("<IH", 0x223E9F78, 0x5A31)                     # signature, legacy key
    out += tnef_attr(LVL_MSG, 0x00089006, struct.pack("<I", 0x00010000))        # attTnefVersion
    out += tnef_attr(LVL_MSG, 0x00069007, struct.pack("<II", 1252, 0))          # attOemCodepage
    out += tnef_attr(LVL_MSG, 0x00078008, b"IPM.Microsoft Mail.Note\x00")       # attMessageClass
    out += tnef_attr(LVL_MSG, 0x00018004, subject.encode("cp1252") + b"\x00")   # attSubject
    out += tnef_attr(LVL_MSG, 0x00038005, tnef_date(sent))                      # attDateSent
    if body:
        out += tnef_attr(LVL_MSG, 0x0002800C, body.encode("cp1252"))            # attBody
    for name, data, mtime in files:
        rend = struct.pack("<HIHHI", 0x0001, 0xFFFFFFFF, 0x0020, 0x0020, 0)     # file, no position
        out += tnef_attr(LVL_ATT, 0x00069002, rend)                             # attAttachRenddata
        out += tnef_attr(LVL_ATT, 0x00038013, tnef_date(mtime))                 # attAttachModifyDate
        out += tnef_attr(LVL_ATT, 0x00018010, name.encode("cp1252") + b"\x00")  # attAttachTitle
        out += tnef_attr(LVL_ATT, 0x0006800F, data)                             # attAttachData
    return out


def parse_tnef(data):
    """Minimal reader used to check the writer."""
    sig, key = struct.unpack_from("<IH", data, 0)
    assert sig == 0x223E9F78
    pos, attrs = 6, []
    while pos < len(data):
        lvl, aid, ln = struct.unpack_from("<BII", data, pos)
        pos += 9
        d = data[pos:pos + ln]
        pos += ln
        (ck,) = struct.unpack_from("<H", data, pos)
        pos += 2
        assert ck == sum(d) & 0xFFFF, hex(aid)
        attrs.append((lvl, aid, d))
    return attrs


def sample_kgh():
    k = "kgh"
    ref = "FOI KGH-24-601"
    blocks = address_blocks(ref, "22/10/2024", "Dear Sir / Madam") + [
        ("h", "Freedom of Information Request " + ref),
        ("q", "1. " + REQ_Q[0]), ("p", "Yes."),
        ("q", "2. " + REQ_Q[1]),
        ("p", "RB fracture (Radiobotics) \u2013 AI fracture detection on X-rays requested from A&amp;E."),
        ("q", "3. " + REQ_Q[2]),
        ("p", "Approximately 25,000 exams in the last 12 months."),
        ("q", "4. " + REQ_Q[3]),
        ("p", "There is no Trust policy specific to AI. The product was introduced through the "
              "Trust's digital and medical devices governance processes."),
        ("p", ICO_TEXT),
    ] + signoff()
    pdf = letter_pdf(k, ref, "FOI KGH-24-601", blocks, dt.datetime(2024, 10, 22, 14, 50))
    sent = dt.datetime(2024, 10, 22, 15, 11, 0)
    tnef = build_tnef("FOI KGH-24-601 Clinical AI - response", sent,
                      [("FOI KGH-24-601 response.pdf", pdf, dt.datetime(2024, 10, 22, 14, 50, 0))])
    parsed = parse_tnef(tnef)
    assert [a[1] for a in parsed][-1] == 0x0006800F and parsed[-1][2] == pdf
    msg = render(
        outlook_headers("KGH FOI <kgh-tr.foi@nhs.net>", REQUESTER_EMAIL,
                        "FOI KGH-24-601 Clinical AI - response", rfc_date(2024, 10, 22, 15, 11, 0),
                        "<DU0P191MB2034E5F6A7B8C9D0E1F2A3B4C5D6E7F8@DU0P191MB2034.EURP191.PROD.OUTLOOK.COM>",
                        in_reply_to=REQ_MSGID),
        multipart("mixed", "_009_DU0P191MB2034E5F6A7B8C9D0E1F2A3B4C5D6E7F8DU0P191MB2034EURP_", [
            text_part("Dear Sir / Madam,\r\n\r\nPlease find attached the Trust's response to your "
                      "Freedom of Information\r\nrequest.\r\n\r\nRegards\r\n\r\nFOI Team\r\n"
                      "Kettering General Hospital NHS Foundation Trust\r\n", charset="us-ascii",
                      cte="7bit"),
            part([("Content-Type", 'application/ms-tnef; name="winmail.dat"'),
                  ("Content-Disposition", 'attachment; filename="winmail.dat"'),
                  ("Content-Transfer-Encoding", "base64")], enc_b64(tnef)),
        ]))
    write("FOI KGH-24-601.eml", msg)
    return tnef


# ---------------------------------------------------------------------------
# 16. Royal Cornwall: Outlook .msg (OLE2 via Gsf) with a CSV attachment
# ---------------------------------------------------------------------------
PT_LONG, PT_BOOLEAN, PT_SYSTIME, PT_UNICODE, PT_BINARY = 0x0003, 0x000B, 0x0040, 0x001F, 0x0102


def filetime(t):
    epoch = dt.datetime(1601, 1, 1)
    return int((t - epoch).total_seconds()) * 10000000


def build_msg(path, props, recips, attachments):
    """props: list of (prop_id, type, value). Writes an MS-OXMSG file with Gsf."""
    import gi
    gi.require_version("Gsf", "1")
    from gi.repository import Gsf

    def stream(parent, name, data):
        ch = parent.new_child(name, False)
        if data:
            ch.write(data)
        ch.close()

    def write_props(storage, plist, header):
        fixed = b""
        for pid, ptype, val in plist:
            tag = (pid << 16) | ptype
            if ptype == PT_UNICODE:
                raw = val.encode("utf-16-le")
                stream(storage, "__substg1.0_%08X" % tag, raw)
                fixed += struct.pack("<IIII", tag, 0x6, len(raw) + 2, 0)
            elif ptype == PT_BINARY:
                stream(storage, "__substg1.0_%08X" % tag, val)
                fixed += struct.pack("<IIII", tag, 0x6, len(val), 0)
            elif ptype == PT_SYSTIME:
                fixed += struct.pack("<IIQ", tag, 0x6, val)
            elif ptype in (PT_LONG, PT_BOOLEAN):
                fixed += struct.pack("<IIII", tag, 0x6, val, 0)
            else:
                raise ValueError(ptype)
        stream(storage, "__properties_version1.0", header + fixed)

    sink = Gsf.OutputStdio.new(path)
    ole = Gsf.OutfileMSOle.new(sink)
    ole.set_class_id(bytes.fromhex("0B0D020000000000C000000000000046"))  # {00020D0B-...-46}
    nameid = ole.new_child("__nameid_version1.0", True)
    for n in ("__substg1.0_00020102", "__substg1.0_00030102", "__substg1.0_00040102"):
        stream(nameid, n, b"")
    nameid.close()
    for i, rp in enumerate(recips):
        st = ole.new_child("__recip_version1.0_#%08X" % i, True)
        write_props(st, rp + [(0x3000, PT_LONG, i)], b"\x00" * 8)
        st.close()
    for i, ap in enumerate(attachments):
        st = ole.new_child("__attach_version1.0_#%08X" % i, True)
        write_props(st, ap + [(0x0E21, PT_LONG, i)], b"\x00" * 8)
        st.close()
    header = struct.pack("<8sIIII8s", b"\x00" * 8, len(recips), len(attachments), len(recips),
                         len(attachments), b"\x00" * 8)
    write_props(ole, props, header)
    ole.close()  # also closes the sink


def sample_rcht():
    k = "rcht"
    months = ["Sep 2023", "Oct 2023", "Nov 2023", "Dec 2023", "Jan 2024", "Feb 2024", "Mar 2024",
              "Apr 2024", "May 2024", "Jun 2024", "Jul 2024", "Aug 2024", "Sep 2024"]
    counts = spread(288, [20, 23, 22, 25, 24, 21, 22, 23, 20, 22, 24, 21, 21])
    csvdata = csv_bytes([["Month", "Brainomix e-CTA usages"]] + [[m, n] for m, n in zip(months, counts)]
                        + [["Total", sum(counts)]])
    subject = "FOI 24-25 0712 - Response - Clinical AI"
    body = ("Dear Requester,\r\n\r\n"
            "Thank you for your request for information under the Freedom of Information Act 2000.\r\n\r\n"
            "Q1. Yes.\r\n\r\n"
            "Q2. Brainomix eCTA - used in stroke assessment and decision-making (CT angiography).\r\n\r\n"
            "Q3. There were 288 usages between September 2023 and September 2024. A monthly\r\n"
            "breakdown is attached.\r\n\r\n"
            "Q4. The Trust does not have a specific AI policy. Brainomix was introduced as part of\r\n"
            "the South West stroke programme and assessed through the Trust's Digital Design\r\n"
            "Authority.\r\n\r\n"
            "If you are unhappy with this response you may request an internal review. You can\r\n"
            "also contact the Information Commissioner's Office.\r\n\r\n"
            "Kind regards\r\n\r\n"
            "Information Governance / FOI Team\r\n"
            "Royal Cornwall Hospitals NHS Trust\r\n")
    sent = dt.datetime(2024, 10, 31, 9, 47, 12)
    props = [
        (0x001A, PT_UNICODE, "IPM.Note"),
        (0x0037, PT_UNICODE, subject),
        (0x003D, PT_UNICODE, ""),
        (0x0070, PT_UNICODE, subject),
        (0x0C1A, PT_UNICODE, "RCHT FOI"),
        (0x0C1E, PT_UNICODE, "SMTP"),
        (0x0C1F, PT_UNICODE, "rch-tr.foi@nhs.net"),
        (0x5D01, PT_UNICODE, "rch-tr.foi@nhs.net"),
        (0x0042, PT_UNICODE, "RCHT FOI"),
        (0x0065, PT_UNICODE, "rch-tr.foi@nhs.net"),
        (0x0E04, PT_UNICODE, "Darwinist"),
        (0x0E03, PT_UNICODE, ""),
        (0x1000, PT_UNICODE, body),
        (0x1035, PT_UNICODE, "<CWLP123MB5512F0E1D2C3B4A5968778695A4B3C2D@CWLP123MB5512.GBRP123.PROD.OUTLOOK.COM>"),
        (0x0039, PT_SYSTIME, filetime(sent)),
        (0x0E06, PT_SYSTIME, filetime(sent)),
        (0x3007, PT_SYSTIME, filetime(sent)),
        (0x3008, PT_SYSTIME, filetime(sent)),
        (0x0E07, PT_LONG, 0x00000011),       # read | has attachment
        (0x0E1B, PT_BOOLEAN, 1),
        (0x340D, PT_LONG, 0x00040000),       # STORE_UNICODE_OK
        (0x3FDE, PT_LONG, 65001),            # internet codepage
    ]
    recips = [[(0x3001, PT_UNICODE, "Darwinist"), (0x3002, PT_UNICODE, "SMTP"),
               (0x3003, PT_UNICODE, REQUESTER_EMAIL), (0x39FE, PT_UNICODE, REQUESTER_EMAIL),
               (0x0C15, PT_LONG, 1)]]
    fname = "Brainomix usage Sep23-Sep24.csv"
    attachments = [[(0x3707, PT_UNICODE, fname), (0x3704, PT_UNICODE, "BRAINO~1.CSV"),
                    (0x3703, PT_UNICODE, ".csv"), (0x3001, PT_UNICODE, fname),
                    (0x370E, PT_UNICODE, "text/csv"), (0x3701, PT_BINARY, csvdata),
                    (0x3705, PT_LONG, 1), (0x0E20, PT_LONG, len(csvdata)),
                    (0x370B, PT_LONG, 0xFFFFFFFF)]]
    path = os.path.join(OUT, "FOI 24-25 0712 Response.msg")
    build_msg(path, props, recips, attachments)
    return path, csvdata, subject, body


# ---------------------------------------------------------------------------
# 17. Standalone: DOCX (GOSH), XLSX (LHCH), CSV (MKUH), TXT (Harrogate), HTML (Rotherham)
# ---------------------------------------------------------------------------
def sample_gosh_docx():
    import docx
    from docx.shared import Pt, RGBColor, Mm
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    k = "gosh"
    doc = docx.Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    hp = sec.header.paragraphs[0]
    hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    r = hp.add_run("Great Ormond Street Hospital for Children NHS Foundation Trust")
    r.bold = True
    r.font.color.rgb = RGBColor(0x00, 0x5E, 0xB8)
    fp = sec.footer.paragraphs[0]
    fp.add_run("Great Ormond Street, London WC1N 3JH | FOI 2024-510 | Page ")
    add_page_field(fp, "PAGE", "1")
    doc.styles["Normal"].font.name = "Arial"
    doc.styles["Normal"].font.size = Pt(10.5)
    doc.add_paragraph("Freedom of Information Request \u2013 Reference FOI 2024-510")
    doc.add_paragraph("Date of response: 1 November 2024")
    doc.add_paragraph("Dear Requester,")
    doc.add_paragraph("Thank you for your request for information under the Freedom of Information "
                      "Act 2000, received on 18 September 2024.")
    ans = [
        "Yes.",
        "BoneXpert \u2013 automated bone age assessment from paediatric hand X-rays (Radiology).",
        "BoneXpert has been used 1277 times in the previous 12 months.",
        "GOSH's Digital Research, Informatics and Virtual Environments (DRIVE) unit and the "
        "Clinical Safety team review new digital technologies. The Trust does not hold a policy "
        "specific to the selection of clinical AI; no committee minutes specific to the approval of "
        "BoneXpert are held for the past two years.",
    ]
    for i, (q, a) in enumerate(zip(REQ_Q, ans), 1):
        p = doc.add_paragraph()
        p.add_run("%d. %s" % (i, q)).bold = True
        p2 = doc.add_paragraph()
        p2.add_run("Response: ").italic = True
        p2.add_run(a)
    doc.add_paragraph(ICO_TEXT)
    doc.add_paragraph("Yours sincerely,")
    doc.add_paragraph().add_run("Information Governance / FOI Team").bold = True
    data = docx_finish(doc, "FOI 2024-510", "2024-10-30T10:00:00Z", "2024-11-01T09:30:00Z")
    write("FOI 2024-510 response.docx", data)


def sample_lhch_xlsx():
    import openpyxl
    from openpyxl.styles import Font, Alignment
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "FOI 9912"
    ws["A1"] = "Liverpool Heart and Chest Hospital NHS Foundation Trust"
    ws["A1"].font = Font(bold=True, size=12)
    ws["A2"] = "FOI request 9912 \u2013 Clinical AI \u2013 response date"
    ws["B2"] = dt.date(2024, 10, 18)
    ws["B2"].number_format = "d mmmm yyyy"
    ws.append([])
    ws.append(["Question", "Response"])
    for c in ws[4]:
        c.font = Font(bold=True)
    rows = [
        (REQ_Q[0], "Yes"),
        (REQ_Q[1], "Aidence Veye Analysis (lung nodule CT); HeartFlow (FFRct, cardiac CT). The Trust "
                   "was an early adopter of both in 2015/16."),
        (REQ_Q[2], "Aidence \u2013 approx. 100 analyses per day. HeartFlow \u2013 10\u201315 times a month."),
        (REQ_Q[3], "No specific AI policy is held. New technologies are approved by the Trust's "
                   "Clinical Effectiveness and Digital committees."),
    ]
    for r in rows:
        ws.append(list(r))
    ws.column_dimensions["A"].width = 60
    ws.column_dimensions["B"].width = 70
    for row in ws.iter_rows(min_row=5, max_row=8):
        for c in row:
            c.alignment = Alignment(wrap_text=True, vertical="top")
    ws["A10"] = "Information Governance / FOI Team"
    buf = io.BytesIO()
    wb.save(buf)
    data = normalize_zip(buf.getvalue(), replace={
        "docProps/core.xml": core_xml("FOI 9912", "FOI Team", "FOI Team", "2024-10-17T13:00:00Z",
                                      "2024-10-18T10:12:00Z")})
    write("FOI 9912 Clinical AI response.xlsx", data)


def sample_mk_csv():
    rows = [["Trust", "Milton Keynes University Hospital NHS Foundation Trust", "", ""],
            ["FOI reference", "FOI-MKUH-24-389", "", ""],
            ["Response date", "05/11/2024", "", ""],
            ["Q1 - Does the trust currently use clinical AI?", "Yes", "", ""],
            ["", "", "", ""],
            ["System", "Supplier", "Area", "Status"],
            ["AiCE (Advanced intelligent Clear-IQ Engine)", "Canon", "CT image reconstruction", "In use"],
            ["Deep Resolve", "Siemens", "MRI image reconstruction", "In use"],
            ["BoneView", "Gleamer", "MSK X-Ray fracture detection", "In use"],
            ["iPE (incidental pulmonary embolism)", "AIDOC", "Chest CT", "In use"],
            ["e-Stroke suite", "Brainomix", "Stroke CT", "Trial"],
            ["", "", "", ""],
            ["Q3 - Usage", "Not held: usage statistics are not recorded by the Trust", "", ""],
            ["Q4 - Policies", "No clinical AI policy held; approvals via Digital Design Authority", "", ""]]
    write("FOI-MKUH-24-389.csv", csv_bytes(rows, bom=True))


def sample_hdft_txt():
    body = """HARROGATE AND DISTRICT NHS FOUNDATION TRUST
Freedom of Information Act 2000 - Response

Our reference:   FOI 24-7763
Date:            24.10.24

Request

Dear FOI Team,

{intro}

Question 1: {q1}
Question 2: {q2}
Question 3: {q3}
Question 4: {q4}

Response

1. Yes

2. The Trust uses the following in clinical decision support capacities:
   * Radiobotics RBfracture - fracture detection on plain film X-ray
   * Annalise - chest X-ray
   The Trust also uses Nuance Speechmagic and Dragon Medical for transcription
   (speech recognition for clinical letters and radiology reports). These are
   not used to diagnose or treat patients.

3. The Trust does not hold reports on usage frequency.

4. No policy specific to clinical AI is held. Both products were introduced
   through the West Yorkshire Imaging Network and approved locally by the
   Trust's Digital Programme Board.

Information Governance / FOI Team
Harrogate and District NHS Foundation Trust
Harrogate District Hospital, Lancaster Park Road, Harrogate, HG2 7SX
""".format(intro=wrap_text(REQ_INTRO, 78), q1=REQ_Q[0], q2=REQ_Q[1], q3=REQ_Q[2], q4=REQ_Q[3])
    write("FOI 24-7763 reply.txt", body.replace("\n", "\r\n"))


def sample_rotherham_html():
    q = [esc(x) for x in REQ_Q]
    html = """<!DOCTYPE html>
<html lang="en-GB">
<!-- saved from url=(0086)https://www.therotherhamft.nhs.uk/about-us/freedom-of-information/disclosure-log/ -->
<head>
<meta charset="utf-8">
<title>FOI 24/25-0631 Clinical AI | The Rotherham NHS Foundation Trust</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font-family:Frutiger,Arial,sans-serif;color:#212b32;margin:0}
header{background:#005eb8;color:#fff;padding:12px 24px}
nav.breadcrumb{font-size:14px;padding:8px 24px;background:#f0f4f5}
main{padding:16px 24px;max-width:900px}
.q{font-weight:bold;margin-top:18px}
footer{font-size:12px;border-top:4px solid #005eb8;padding:12px 24px;color:#4c6272}
</style>
</head>
<body>
<header><span class="logo">NHS</span> The Rotherham NHS Foundation Trust</header>
<nav class="breadcrumb"><a href="/">Home</a> &rsaquo; <a href="/about-us/">About us</a> &rsaquo; <a href="/about-us/freedom-of-information/">Freedom of information</a> &rsaquo; Disclosure log</nav>
<main>
<h1>FOI 24/25-0631 &ndash; Clinical Artificial Intelligence</h1>
<p><strong>Date received:</strong> 18/09/2024<br><strong>Date responded:</strong> 09/10/2024<br><strong>Category:</strong> Information Technology</p>
<h2>Request</h2>
<p class="q">1. {q1}</p>
<p>Yes &ndash; the Trust is trialling one clinical AI system.</p>
<p class="q">2. {q2}</p>
<p>Gleamer BoneView &ndash; AI fracture detection used on Emergency Department X-ray imaging. The trial forms part of a South Yorkshire &amp; Bassetlaw ICB initiative.</p>
<p class="q">3. {q3}</p>
<p>25-30k uses across the previous year.</p>
<p class="q">4. {q4}</p>
<p>The trial was approved through the ICB imaging programme and the Trust&rsquo;s Digital Health Board. The Trust does not yet hold its own clinical AI policy.</p>
<p><em>Information Governance / FOI Team</em></p>
</main>
<footer>The Rotherham NHS Foundation Trust, Rotherham Hospital, Moorgate Road, Oakwood, Rotherham S60 2UD &middot; &copy; 2024</footer>
</body>
</html>
""".replace("{q1}", q[0]).replace("{q2}", q[1]).replace("{q3}", q[2]).replace("{q4}", q[3])
    write("Clinical AI - FOI 24-25-0631 - The Rotherham NHS Foundation Trust.html", html.replace("\n", "\r\n"))


# ---------------------------------------------------------------------------
# Negatives and other refusals
# ---------------------------------------------------------------------------
def sample_airedale():
    body = ("Dear Darwinist,\n\n"
            "Re: FOI request 2024-FOI-0478 - Clinical Artificial Intelligence\n\n"
            "Thank you for your request. Airedale NHS Foundation Trust's response is as follows.\n\n"
            "Q1 Does the trust currently use any clinical AI systems in diagnosing or treating patients?\n"
            "No, not at present.\n\n"
            "Q2 Please provide a list of clinical AI systems currently used by the trust.\n"
            "N/A. For completeness, clinicians use Nuance Dragon Medical One speech recognition for "
            "dictating letters and reports. This is a dictation tool and is not used in the diagnosis "
            "or treatment of patients, so the Trust does not consider it to be clinical AI.\n\n"
            "Q3 Usage frequency over the past 12 months\n"
            "N/A\n\n"
            "Q4 Policies, procedures or committee minutes\n"
            "No information held.\n\n"
            "Regards\n\n"
            "Information Governance / FOI Team\n"
            "Airedale NHS Foundation Trust\n"
            "Airedale General Hospital, Skipton Road, Steeton, Keighley BD20 6TD\n")
    msg = render(
        outlook_headers("\"Freedom of Information (AIREDALE NHS FOUNDATION TRUST)\" <anhsft.foi@nhs.net>",
                        REQUESTER_EMAIL,
                        "Response to your Freedom of Information request - 2024-FOI-0478",
                        rfc_date(2024, 10, 9, 9, 26, 44),
                        "<LO0P123MB6244A9B8C7D6E5F4A3B2C1D0E9F8A7B6@LO0P123MB6244.GBRP123.PROD.OUTLOOK.COM>",
                        in_reply_to=REQ_MSGID, has_attach=False),
        text_part(wrap_text(body) + "\n", charset="utf-8"))
    write("Response to your Freedom of Information request - 2024-FOI-0478.eml", msg)


def sample_lg():
    k = "lg"
    ref = "FOI/LG/24/1502"
    blocks = address_blocks(ref, "Thursday, 31 October 2024", "Dear Requester") + [
        ("h", "Freedom of Information request " + ref),
        ("q", "1. " + REQ_Q[0]),
        ("p", "No. Lewisham and Greenwich NHS Trust has no clinical AI in use yet."),
        ("q", "2. " + REQ_Q[1]),
        ("p", "The deepc platform (deepcOS) has been deployed within the Trust's imaging infrastructure, "
              "but it is not actually in use and no AI applications have been switched on for "
              "patient care."),
        ("q", "3. " + REQ_Q[2]), ("p", "N/A \u2013 no usage."),
        ("q", "4. " + REQ_Q[3]),
        ("p", "The Trust is setting up governance arrangements for AI, including an approval process "
              "aligned to DTAC and DCB0160. No approved policy or committee minutes are held yet."),
        ("p", ICO_TEXT),
    ] + signoff()
    write("LGT FOI 1502 response.pdf", letter_pdf(k, ref, "FOI 1502", blocks, dt.datetime(2024, 10, 31, 12, 3)))


def sample_nwa():
    body = ("Dear Requester\r\n\r\n"
            "Freedom of Information Request: NWA/FOI/24/0987\r\n\r\n"
            "1. Does the trust currently use any clinical AI systems in diagnosing or treating\r\n"
            "patients?\r\n"
            "The Trust can confirm that it uses clinical AI.\r\n\r\n"
            "2. and 3. List of systems and usage frequency\r\n"
            "The Trust is withholding the names of its clinical AI providers and systems under\r\n"
            "Section 31(1)(a) of the Freedom of Information Act 2000 (law enforcement -\r\n"
            "prevention or detection of crime). Disclosure of the systems used would provide\r\n"
            "information about the Trust's technical infrastructure that could be used to\r\n"
            "target a cyber attack.\r\n\r\n"
            "Public interest test: the Trust recognises the public interest in openness about\r\n"
            "the use of new technology in patient care. However, the public interest in\r\n"
            "protecting the Trust's systems and patient data from cyber crime outweighs the\r\n"
            "public interest in disclosure.\r\n\r\n"
            "4. Policies, procedures or committee minutes\r\n"
            "The Trust does not hold a clinical AI policy.\r\n\r\n"
            "Yours sincerely\r\n\r\nInformation Governance / FOI Team\r\n"
            "North West Anglia NHS Foundation Trust\r\n")
    msg = render(
        outlook_headers("\"FOI (NORTH WEST ANGLIA NHS FOUNDATION TRUST)\" <nwangliaft.foi@nhs.net>",
                        REQUESTER_EMAIL, "NWA/FOI/24/0987 - Response", rfc_date(2024, 11, 18, 14, 2, 9),
                        "<CWLP123MB4410C0B1A2938475665A4B3C2D1E0F9A@CWLP123MB4410.GBRP123.PROD.OUTLOOK.COM>",
                        in_reply_to=REQ_MSGID, has_attach=False),
        text_part(body, charset="us-ascii", cte="7bit"))
    write("NWA_FOI_24_0987 - Response.eml", msg)


# ---------------------------------------------------------------------------
# Traps: replies that look like answers, or answers that hide what they are
# ---------------------------------------------------------------------------
def sample_barts_ack():
    """Acknowledgement only: names exemptions in general terms, a due date, and echoes the request."""
    k = "barts"
    ref = "FOI-2425-3417"
    body = ("Dear Darwinist,\n\n"
            "Freedom of Information request: %s - Clinical AI systems\n\n"
            "We have received your request for information under the Freedom of Information Act 2000, "
            "which reached us on 18 September 2024. Please accept our apologies for the delay in "
            "acknowledging it. Your request has been logged under the reference above; please quote "
            "it in any correspondence with us.\n\n"
            "We will respond within 20 working days of receipt, that is by 16 October 2024. If we need "
            "more information to identify what you are asking for, or if a fee is payable, we will "
            "contact you and the 20 working days will be put on hold until we hear from you.\n\n"
            "Please note that the Act allows us to withhold some information, for example personal "
            "data (section 40), information whose release would prejudice commercial interests "
            "(section 43) or information that is already published (section 21). We may also decline "
            "a request where the cost of compliance would exceed the appropriate limit of \u00a3450 "
            "(section 12). If we apply an exemption, we will tell you which one and why.\n\n"
            "Your request, as we received it, is copied below.\n\n"
            "Kind regards\n\n"
            "Freedom of Information Team\n"
            "%s\n"
            "%s\n\n"
            "----------------------------------------\n\n" % (ref, tname(k), ", ".join(T[k][1])))
    body = wrap_text(body) + "\n" + request_text_block() + "\n"
    msg = render(
        outlook_headers("\"FOI (BARTS HEALTH NHS TRUST)\" <%s>" % T[k][2],
                        "\"Darwinist\" <%s>" % REQUESTER_EMAIL,
                        "Acknowledgement of your Freedom of Information request - " + ref,
                        rfc_date(2024, 10, 2, 15, 41, 7),
                        "<DB9P123MB5172E0D1C2B3A4958677F6E5D4C3B2A1@DB9P123MB5172.GBRP123.PROD.OUTLOOK.COM>",
                        in_reply_to=REQ_MSGID, thread_index="AQHbCaJ0x3Ff2mN5TkW4l8qZb9v0DwAC3kq1",
                        has_attach=False),
        text_part(body, charset="utf-8"))
    write("Acknowledgement of your Freedom of Information request - %s.eml" % ref, msg)


def sample_imperial_autoreply():
    """Exchange automatic reply to the requester's chaser: Auto-Submitted, text and HTML, a closure date."""
    k = "imperial"
    chaser_id = "<CAH7d0xRk2m1-FOIclinicalAI-chase-20241017@mail.darwinist.example>"
    lines = [
        "Thank you for contacting the Freedom of Information team at %s. This is an automatic "
        "reply to confirm that your email has been received." % tname(k),
        "If you have sent a new request for information, it will be logged and acknowledged, and we "
        "aim to respond within 20 working days. We are currently receiving a high number of requests "
        "and some responses may take longer.",
        "If your email is about a request you have already made, please make sure it quotes the "
        "reference number we gave you.",
        "The FOI office is closed on Monday 21 October 2024 for staff training. Emails received that "
        "day will be dealt with on our return.",
        "Please do not reply to this automatic message.",
    ]
    sig = ["Freedom of Information Team", tname(k)] + T[k][1]
    text = "\n\n".join(wrap_text(x) for x in lines) + "\n\n" + "\n".join(sig) + "\n"
    html = ('<html>\n<head>\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\n'
            '<style type="text/css" style="display:none;"> P {margin-top:0;margin-bottom:0;} </style>\n'
            '</head>\n<body dir="ltr">\n'
            + "".join('<div style="font-family: Arial, Helvetica, sans-serif; font-size: 11pt; color: rgb(0, 0, 0);">'
                      '%s</div>\n<div style="font-family: Arial, Helvetica, sans-serif; font-size: 11pt;"><br>'
                      '</div>\n' % esc(x) for x in lines)
            + '<div style="font-family: Arial, Helvetica, sans-serif; font-size: 10pt; color: rgb(0, 94, 184);">'
            + "<br>\n".join(esc(x) for x in sig) + "</div>\n</body>\n</html>\n")
    msg = render(
        [("From", "Freedom Of Information <%s>" % T[k][2]),
         ("To", "Darwinist <%s>" % REQUESTER_EMAIL),
         ("Subject", "Automatic reply: Freedom of Information request - Clinical AI"),
         ("Thread-Topic", "Freedom of Information request - Clinical AI"),
         ("Thread-Index", "AQHbIGm0c1Rk2m1FOIclinicalAIchaseAAAB"),
         ("Date", rfc_date(2024, 10, 17, 9, 14, 2)),
         ("Message-ID", "<a3f1c2d4e5b6478899aabbccddeeff00@LO2P265MB3388.GBRP265.PROD.OUTLOOK.COM>"),
         ("References", chaser_id),
         ("In-Reply-To", chaser_id),
         ("Auto-Submitted", "auto-replied"),
         ("X-Auto-Response-Suppress", "All"),
         ("X-MS-Exchange-Inbox-Rules-Loop", T[k][2]),
         ("Accept-Language", "en-GB, en-US"),
         ("Content-Language", "en-GB"),
         ("X-MS-Has-Attach", ""),
         ("X-MS-TNEF-Correlator", "")],
        multipart("alternative", "_000_a3f1c2d4e5b6478899aabbccddeeff00LO2P265MB3388GBRP_", [
            text_part(text, charset="utf-8"),
            text_part(html, subtype="html", charset="utf-8"),
        ]))
    write("Automatic reply_ Freedom of Information request - Clinical AI.eml", msg)


def sample_lthtr_wdtk():
    """A saved WhatDoTheyKnow request page: site chrome, status banner, the request as posted
    (which names vendors as examples), the trust's reply and the requester's thank-you after it."""
    k = "lthtr"
    name = tname(k)
    q = [esc(x) for x in REQ_Q]
    q2_examples = (esc(REQ_Q[1]) + " For example, this might include stroke imaging tools such as "
                   "Brainomix e-Stroke, lung nodule detection such as Aidence Veye Lung Nodules, "
                   "cardiac CT analysis such as HeartFlow FFRct, or chest X-ray triage such as "
                   "Annalise Enterprise CXR.")
    html = """<!DOCTYPE html>
<html lang="en-GB" class="no-js">
<!-- saved from url=(0065)https://www.whatdotheyknow.com/request/clinical_ai_systems_1187654 -->
<head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title>Clinical AI systems - a Freedom of Information request to {name} - WhatDoTheyKnow</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="./Clinical AI systems - WhatDoTheyKnow_files/application.css" media="all">
<script>document.documentElement.className = document.documentElement.className.replace('no-js', 'js');</script>
</head>
<body class="front request-show">
<a href="#content" class="show-with-keyboard-focus-only skip-to-link">Skip to content</a>
<div id="banner" class="banner">
<div class="banner_site-title"><a href="https://www.whatdotheyknow.com/" id="logo">WhatDoTheyKnow</a></div>
<nav id="topnav" aria-label="Main">
<ul>
<li><a href="https://www.whatdotheyknow.com/select_authority">Make a request</a></li>
<li><a href="https://www.whatdotheyknow.com/list/all">Browse requests</a></li>
<li><a href="https://www.whatdotheyknow.com/body/list/all">View authorities</a></li>
<li><a href="https://www.whatdotheyknow.com/help/about">Help</a></li>
<li><a href="https://www.whatdotheyknow.com/profile/sign_in">Sign in</a></li>
</ul>
</nav>
<form id="navigation_search" method="get" action="https://www.whatdotheyknow.com/search"><input type="search" name="query" placeholder="Search"><input type="submit" value="Search"></form>
</div>
<div id="wrapper">
<div id="content">
<div class="request-header">
<h1>Clinical AI systems</h1>
<p class="request-header__action-bar__title"><a href="https://www.whatdotheyknow.com/user/darwinist">Darwinist</a> made this <a href="https://www.whatdotheyknow.com/help/about#foi">Freedom of Information request</a> to <a href="https://www.whatdotheyknow.com/body/lancashire_teaching_hospitals_nhs_foundation_trust">{name}</a></p>
<p class="request-header__action-bar__state">This request has been closed to new responses.</p>
</div>
<div id="request_status" class="request-status-message request-status-message--successful">
<p><strong>Successful.</strong> The request was successful.</p>
</div>
<div id="request_sidebar" class="sidebar">
<h2>Follow this request</h2>
<p><a href="https://www.whatdotheyknow.com/track/request/clinical_ai_systems_1187654">Follow</a> &middot; 14 followers</p>
<h2>Act on what you've learnt</h2>
<ul><li><a href="https://www.whatdotheyknow.com/request/new?title=clinical_ai_systems">Make a similar request</a></li><li><a href="https://www.whatdotheyknow.com/request/clinical_ai_systems_1187654/annotation/new">Add an annotation</a></li></ul>
<h2>Similar requests</h2>
<ul class="similar-requests">
<li><a href="https://www.whatdotheyknow.com/request/use_of_heartflow_ffrct">Use of HeartFlow FFRct</a> <span>(Blackpool Teaching Hospitals NHS Foundation Trust)</span></li>
<li><a href="https://www.whatdotheyknow.com/request/artificial_intelligence_in_stroke">Artificial intelligence in stroke imaging</a> <span>(East Lancashire Hospitals NHS Trust)</span></li>
</ul>
</div>
<div class="correspondence box" id="outgoing-1493127">
<div class="correspondence__header">
<span class="correspondence__header__author"><a href="https://www.whatdotheyknow.com/user/darwinist">Darwinist</a></span>
<span class="correspondence__header__date"><time datetime="2024-09-18T10:02:11+01:00">18 September 2024</time></span>
</div>
<div class="correspondence_text">
<p>Dear {name},</p>
<p>{intro}</p>
<p><strong>Information Requested:</strong></p>
<p>Question 1: {q1}</p>
<p>Question 2: {q2}</p>
<p>Question 3: {q3}</p>
<p>Question 4: {q4}</p>
<p>Yours faithfully,</p>
<p>Darwinist</p>
</div>
</div>
<div class="correspondence box" id="incoming-2231894">
<div class="correspondence__header">
<span class="correspondence__header__author">{name}</span>
<span class="correspondence__header__date"><time datetime="2024-10-10T14:26:40+01:00">10 October 2024</time></span>
</div>
<div class="correspondence_text">
<p>Dear Darwinist</p>
<p>Freedom of Information Request &ndash; Our Ref: FOI/2024/0771</p>
<p>Thank you for your request for information received on 18 September 2024. Please find the Trust&rsquo;s response below.</p>
<p><strong>1. Does the trust currently use any clinical AI systems in diagnosing or treating patients?</strong><br>
Yes, in one area: exploratory bronchoscopy.</p>
<p><strong>2. Please provide a list of clinical AI systems currently used by the trust.</strong><br>
Body Vision LungVision &ndash; AI-assisted navigation (fluoroscopy fused with the planning CT) for exploratory bronchoscopy of peripheral lung lesions, used by the Respiratory Medicine team at Royal Preston Hospital. The Trust does not use the other products named as examples in your request.</p>
<p><strong>3. Usage frequency over the past 12 months.</strong><br>
26 Lung Navigation procedures were performed between August 2023 and September 2024.</p>
<p><strong>4. Policies, procedures or committee minutes.</strong><br>
The Trust does not hold a policy specific to clinical AI. LungVision was approved through the Trust&rsquo;s New Interventional Procedures Group and the Medical Devices Group; no minutes specific to AI are held for the period requested.</p>
<p>If you are unhappy with this response, you may ask for an internal review by contacting the FOI Team at [{name} request email]. You can also complain to the Information Commissioner&rsquo;s Office.</p>
<p>Kind regards</p>
<p>Freedom of Information Team<br>
{name}<br>
Royal Preston Hospital, Sharoe Green Lane, Fulwood, Preston, PR2 9HT</p>
<p class="attachment-list">Attachment <a href="https://www.whatdotheyknow.com/request/1187654/response/2231894/attach/2/FOI%202024%200771%20Response.pdf">FOI 2024 0771 Response.pdf</a> 96K <a href="https://www.whatdotheyknow.com/request/1187654/response/2231894/attach/html/2/FOI%202024%200771%20Response.pdf.html">View as HTML</a></p>
</div>
</div>
<div class="correspondence box" id="outgoing-1502288">
<div class="correspondence__header">
<span class="correspondence__header__author"><a href="https://www.whatdotheyknow.com/user/darwinist">Darwinist</a></span>
<span class="correspondence__header__date"><time datetime="2024-10-11T09:05:52+01:00">11 October 2024</time></span>
</div>
<div class="correspondence_text">
<p>Dear {name},</p>
<p>Thank you for your response.</p>
<p>Yours faithfully,</p>
<p>Darwinist</p>
</div>
</div>
<p class="request-footer">Please use this email address for all replies to this request: [FOI #1187654 email]</p>
<p class="request-footer">Is [{name} request email] the wrong address for Freedom of Information requests to {name}? If so, please contact us using this form: <a href="https://www.whatdotheyknow.com/change_request/new?body=lancashire_teaching_hospitals_nhs_foundation_trust">https://www.whatdotheyknow.com/change_request/new?body=lancashire_teaching_hospitals_nhs_foundation_trust</a></p>
</div>
</div>
<div id="footer" class="footer">
<ul>
<li><a href="https://www.whatdotheyknow.com/help/contact">Contact us</a></li>
<li><a href="https://www.whatdotheyknow.com/help/privacy">Privacy and cookies</a></li>
<li><a href="https://www.whatdotheyknow.com/help/api">API</a></li>
</ul>
<p>WhatDoTheyKnow is run by mySociety, a registered charity in England and Wales (1076346).</p>
</div>
</body>
</html>
""".replace("{name}", esc(name)).replace("{intro}", esc(REQ_INTRO)).replace("{q1}", q[0]) \
        .replace("{q2}", q2_examples).replace("{q3}", q[2]).replace("{q4}", q[3])
    write("Clinical AI systems - a Freedom of Information request to %s - WhatDoTheyKnow.html" % name,
          html.replace("\n", "\r\n"))


DOCX_CHECKBOX = ('<w:sdt xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
                 'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml">'
                 '<w:sdtPr><w:id w:val="%d"/><w14:checkbox><w14:checked w14:val="%d"/>'
                 '<w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
                 '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox></w:sdtPr>'
                 '<w:sdtContent><w:r><w:rPr><w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" '
                 'w:hAnsi="MS Gothic" w:hint="eastAsia"/></w:rPr><w:t>%s</w:t></w:r></w:sdtContent></w:sdt>')


def add_checkbox(cell, checked, sdt_id):
    """A Word check box content control (w14:checkbox) showing ☒ or ☐, as Word inserts it."""
    from docx.oxml import parse_xml
    p = cell.paragraphs[0]
    p.alignment = 1  # centred
    p._p.append(parse_xml(DOCX_CHECKBOX % (sdt_id, 1 if checked else 0,
                                           "\u2612" if checked else "\u2610")))


def sample_chft_form():
    """The request's own form, filled in: tick boxes (content controls and typed X), one-word answers."""
    import docx
    from docx.shared import Pt, Mm
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    k = "chft"
    doc = docx.Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.left_margin = sec.right_margin = Mm(20)
    hp = sec.header.paragraphs[0]
    hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    hp.add_run("Clinical AI \u2013 FOI response form").font.size = Pt(8)
    fp = sec.footer.paragraphs[0]
    fp.add_run("Form CAI-1 (v1.2) \u2013 please return completed forms by e-mail to the requester, "
               "Darwinist").font.size = Pt(8)
    doc.styles["Normal"].font.name = "Arial"
    doc.styles["Normal"].font.size = Pt(10)

    t = doc.add_paragraph()
    t.add_run("Freedom of Information request of 18 September 2024: clinical AI systems").bold = True
    doc.add_paragraph("Please complete this form and return it to Darwinist. Tick one box in each row.")

    doc.add_paragraph().add_run("Section A \u2013 Your organisation").bold = True
    ta = doc.add_table(rows=0, cols=2)
    ta.style = "Table Grid"
    for a, b in [("Organisation name", tname(k)),
                 ("Your FOI reference", "FOI 24-1302"),
                 ("Completed by", "Information Governance / FOI Team"),
                 ("Date completed", "15/10/2024")]:
        cells = ta.add_row().cells
        cells[0].text, cells[1].text = a, b

    doc.add_paragraph()
    doc.add_paragraph().add_run("Section B \u2013 Use of clinical AI").bold = True
    tb = doc.add_table(rows=1, cols=3)
    tb.style = "Table Grid"
    for c_, h in zip(tb.rows[0].cells, ["Question", "Yes", "No"]):
        c_.paragraphs[0].add_run(h).bold = True
    sdt_id = 1804513370
    for question, yes in [
            ("B1. Does the trust currently use any clinical AI systems in diagnosing or treating "
             "patients?", True),
            ("B2. Is any clinical AI system being piloted or trialled at the trust?", False),
            ("B3. Is clinical AI used in radiology?", True),
            ("B4. Is clinical AI used in stroke or neurology?", False),
            ("B5. Does the trust hold usage figures for the past 12 months?", False),
            ("B6. Does the trust have a policy for selecting and approving clinical AI?", False)]:
        cells = tb.add_row().cells
        cells[0].text = question
        add_checkbox(cells[1], yes, sdt_id)
        add_checkbox(cells[2], not yes, sdt_id + 1)
        sdt_id += 7

    doc.add_paragraph()
    doc.add_paragraph().add_run("Section C \u2013 Stage of adoption (mark one with an X)").bold = True
    tc = doc.add_table(rows=1, cols=2)
    tc.style = "Table Grid"
    for c_, h in zip(tc.rows[0].cells, ["Stage", "Mark"]):
        c_.paragraphs[0].add_run(h).bold = True
    for stage, mark in [("Not using clinical AI", ""),
                        ("Exploring or planning clinical AI", ""),
                        ("Piloting clinical AI", ""),
                        ("Clinical AI in routine use", "X")]:
        cells = tc.add_row().cells
        cells[0].text = stage
        cells[1].text = mark
        cells[1].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER

    doc.add_paragraph()
    doc.add_paragraph().add_run("Section D \u2013 Your answers to the request").bold = True
    doc.add_paragraph().add_run("Question 1: " + REQ_Q[0]).bold = True
    doc.add_paragraph("Yes")
    doc.add_paragraph().add_run("Question 2: " + REQ_Q[1][:-1] + " (supplier, product and clinical "
                                "area).").bold = True
    td = doc.add_table(rows=1, cols=3)
    td.style = "Table Grid"
    for c_, h in zip(td.rows[0].cells, ["Supplier", "Product", "Clinical area"]):
        c_.paragraphs[0].add_run(h).bold = True
    cells = td.add_row().cells
    for c_, v in zip(cells, ["BeHold AI", "Red Dot", "Chest X-ray prioritisation (Radiology)"]):
        c_.text = v
    doc.add_paragraph().add_run("Question 3: " + REQ_Q[2]).bold = True
    doc.add_paragraph("Not held")
    doc.add_paragraph().add_run("Question 4: Does the trust hold any policies, procedures or committee "
                                "minutes from the past two years on selecting and approving clinical "
                                "AI? If so, please attach them.").bold = True
    doc.add_paragraph("No")
    data = docx_finish(doc, "Clinical AI FOI response form", "2024-10-14T15:20:00Z", "2024-10-15T10:48:00Z")
    write("FOI 24-1302 Clinical AI form - completed.docx", data)


def sample_christie():
    """Plain-text e-mail that describes two AI systems without naming a vendor or product."""
    k = "christie"
    body = ("Dear Darwinist,\n\n"
            "Freedom of Information request FOI 24/25-0877 - Clinical AI\n\n"
            "Thank you for your request received on 18 September 2024. Please find the Trust's "
            "response below.\n\n"
            "1. Does the trust currently use any clinical AI systems in diagnosing or treating patients?\n"
            "Yes.\n\n"
            "2. Please provide a list of clinical AI systems currently used by the trust.\n"
            "The Christie uses two AI tools in patient care:\n"
            "- an AI chest X-ray decision support tool, which highlights possible abnormalities on "
            "chest X-rays for the reporting radiologist; and\n"
            "- AI auto-segmentation software in radiotherapy, which outlines organs at risk on "
            "planning CT scans. Every contour is checked and edited by a clinician before a "
            "treatment plan is approved.\n\n"
            "3. Usage frequency over the past 12 months.\n"
            "Both tools are used daily as part of routine reporting and radiotherapy treatment "
            "planning. The Trust does not hold reports of how often they are used.\n\n"
            "4. Policies, procedures or committee minutes.\n"
            "New digital tools are assessed under the Trust's clinical safety process (DCB0129 and "
            "DCB0160) and approved by the Digital Design Authority. The Trust does not hold a policy "
            "specific to clinical AI, and no committee minutes specific to these tools are held for "
            "the past two years.\n\n"
            "If you are dissatisfied with the handling of your request, you can ask for an internal "
            "review by replying to this e-mail. You may also complain to the Information "
            "Commissioner's Office (ico.org.uk).\n\n"
            "Yours sincerely\n\n"
            "Freedom of Information Office\n"
            "%s\n"
            "%s\n" % (tname(k), ", ".join(T[k][1])))
    msg = render(
        outlook_headers("\"FOI (THE CHRISTIE NHS FOUNDATION TRUST)\" <%s>" % T[k][2],
                        "\"Darwinist\" <%s>" % REQUESTER_EMAIL,
                        "Your FOI request FOI 24/25-0877 - Clinical AI",
                        rfc_date(2024, 10, 14, 12, 7, 31),
                        "<AM9P123MB8830F1E2D3C4B5A6978877665544332@AM9P123MB8830.GBRP123.PROD.OUTLOOK.COM>",
                        in_reply_to=REQ_MSGID, thread_index="AQHbCaJ0x3Ff2mN5TkW4l8qZb9v0DwAE7wPm",
                        has_attach=False),
        text_part(wrap_text(body) + "\n", charset="us-ascii"))
    write("Your FOI request FOI 24-25-0877 - Clinical AI.eml", msg)


def sample_crh():
    """A reply that names a partner trust (by its full name, more often than the sender's own)."""
    k = "crh"
    partner = tname("sth")
    body = ("Dear Darwinist\n\n"
            "Our ref: FOI 24-2196\n\n"
            "Thank you for your request for information, received on 18 September 2024. The Trust's "
            "response is below.\n\n"
            "Q1. Does the trust currently use any clinical AI systems in diagnosing or treating patients?\n"
            "Yes.\n\n"
            "Q2. Please provide a list of clinical AI systems currently used by the trust.\n"
            "The Trust uses iSchemaView RapidAI software on 2 CT scanners for acute stroke imaging. "
            "RapidAI is provided in partnership with %s, the regional hyper-acute stroke and "
            "thrombectomy centre: the software is hosted by %s and the data is handled at Sheffield, "
            "not by this Trust.\n\n"
            "The Trust is also setting up Annalise Chest X-Ray Reporting through the East Midlands "
            "Radiology Consortium (EMRAD). It has not yet been used on patients.\n\n"
            "Q3. Usage frequency over the past 12 months.\n"
            "RapidAI usage reports are held by %s, which handles the data; you may wish to ask them "
            "directly (sth.foi@nhs.net). Annalise: not applicable, as it is not yet in use.\n\n"
            "Q4. Policies, procedures or committee minutes.\n"
            "The Trust does not hold a policy specific to clinical AI. The Annalise project is "
            "overseen by the EMRAD AI programme board and the Trust's Digital Assurance Group; no "
            "minutes specific to clinical AI are held for the past two years.\n\n"
            "If you are not satisfied with this response, you may ask for an internal review within "
            "40 working days. You also have the right to complain to the Information Commissioner's "
            "Office.\n\n"
            "Yours sincerely\n\n"
            "Information Governance Team\n"
            "%s\n"
            "%s\n" % (partner, partner, partner, tname(k), ", ".join(T[k][1])))
    msg = render(
        outlook_headers("\"FOI (CHESTERFIELD ROYAL HOSPITAL NHS FOUNDATION TRUST)\" <%s>" % T[k][2],
                        "\"Darwinist\" <%s>" % REQUESTER_EMAIL,
                        "FOI 24-2196 - Clinical AI - response",
                        rfc_date(2024, 10, 21, 10, 52, 18),
                        "<PA4P123MB6619B2C3D4E5F60718293A4B5C6D7E8F@PA4P123MB6619.GBRP123.PROD.OUTLOOK.COM>",
                        in_reply_to=REQ_MSGID, thread_index="AQHbCaJ0x3Ff2mN5TkW4l8qZb9v0DwAF1yNd",
                        has_attach=False),
        text_part(wrap_text(body) + "\n", charset="utf-8"))
    write("FOI 24-2196 - Clinical AI - response.eml", msg)


# ---------------------------------------------------------------------------
def main():
    os.makedirs(OUT, exist_ok=True)
    for f in [sample_esneft, sample_papworth, sample_rwt_scan, sample_leeds, sample_bucks,
              sample_esht, sample_nca, sample_epsom, sample_hull, sample_midyorks, sample_mft,
              sample_uhd, sample_sheffield, sample_glos, sample_wwl, sample_kgh, sample_rcht,
              sample_gosh_docx, sample_lhch_xlsx, sample_mk_csv, sample_hdft_txt,
              sample_rotherham_html, sample_airedale, sample_lg, sample_nwa,
              sample_barts_ack, sample_imperial_autoreply, sample_lthtr_wdtk, sample_chft_form,
              sample_christie, sample_crh]:
        f()
    print("samples written to", OUT)


if __name__ == "__main__":
    main()
