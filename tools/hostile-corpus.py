#!/usr/bin/env python3
"""Writes a corpus of hostile replies into OUT_DIR: truncated and empty files of every kind
foicode reads, misnamed files, encrypted PDFs, deep nesting, decompression bombs, huge tables,
invalid UTF-8 and NUL bytes, an e-mail with 10,000 attachments, path-escaping attachment and
entry names, odd file names, a 50 MB single-line text and PDFs with broken cross-references.

The real replies in samples/replies are the material; everything else is built here, with the
Python standard library only. The output is the same on every run (fixed seeds, fixed dates),
about 90 MB on disk, made in a few seconds.

usage: tools/hostile-corpus.py OUT_DIR [--samples DIR]

OUT_DIR must be empty or missing. Prints one line: how many files, and their size.
"""
import argparse
import binascii
import hashlib
import os
import random
import struct
import sys
import zlib

# Every name built from this marker must never appear on disk outside the corpus: an attachment
# or zip entry named "../../foicode-escape-…" or "/tmp/foicode-escape-…" that foicode wrote out.
ESCAPE_MARKER = "foicode-escape"

DOS_TIME, DOS_DATE = 0x6000, 0x5921  # 2024-09-01 12:00, fixed so that zips are reproducible


# ---------------------------------------------------------------------------------- helpers

class Corpus:
    def __init__(self, root):
        self.root = os.fsencode(root)
        self.count = 0
        self.size = 0

    def write(self, rel, data):
        """Writes data to root/rel (rel: str or bytes, "/"-separated)."""
        path = os.path.join(self.root, rel if isinstance(rel, bytes) else rel.encode("utf-8"))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if os.path.lexists(path):
            raise SystemExit(f"hostile-corpus: {path!r} written twice")
        with open(path, "wb") as f:
            f.write(data)
        os.utime(path, (1725192000, 1725192000))  # 2024-09-01, so that listings do not vary
        self.count += 1
        self.size += len(data)


def read(samples, name):
    with open(os.path.join(samples, name), "rb") as f:
        return f.read()


def attachment_of(eml_bytes, filename_part):
    """The decoded bytes of the first attachment of a sample e-mail whose name contains
    filename_part."""
    import email
    from email import policy
    msg = email.message_from_bytes(eml_bytes, policy=policy.compat32)
    for part in msg.walk():
        name = part.get_filename() or ""
        if filename_part in name:
            return part.get_payload(decode=True)
    raise SystemExit(f"hostile-corpus: no attachment {filename_part!r} in a sample e-mail")


def png(width, height, rows):
    """An 8-bit grayscale PNG; rows is a list of `height` byte strings of `width` bytes."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"".join(b"\x00" + r for r in rows)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def jpeg(width, height, blocks):
    """A baseline grayscale JPEG whose 8x8 blocks are flat: blocks[by][bx] is a gray level.
    DC coefficients only, the standard DC table, an AC table holding only end-of-block."""
    def segment(marker, data):
        return struct.pack(">BBH", 0xFF, marker, len(data) + 2) + data
    dc_bits = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0]
    dc_codes, code, k = {}, 0, 0
    for length, n in enumerate(dc_bits, start=1):
        for _ in range(n):
            dc_codes[k] = (code, length)
            code += 1
            k += 1
        code <<= 1
    bits, nbits, out = 0, 0, bytearray()

    def put(value, length):
        nonlocal bits, nbits
        bits = (bits << length) | value
        nbits += length
        while nbits >= 8:
            byte = (bits >> (nbits - 8)) & 0xFF
            out.append(byte)
            if byte == 0xFF:
                out.append(0)
            nbits -= 8
        bits &= (1 << nbits) - 1

    previous = 0
    for row in blocks:
        for level in row:
            dc = level - 128  # DCT DC = 8 * (level - 128); quantised by 8
            diff, previous = dc - previous, dc
            size = abs(diff).bit_length()
            put(*dc_codes[size])
            if size:
                put(diff if diff > 0 else diff + (1 << size) - 1, size)
            put(0, 1)  # end of block: the one AC code, "0"
    if nbits:
        put((1 << (8 - nbits)) - 1, 8 - nbits)
    return (b"\xff\xd8" + segment(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
            + segment(0xDB, b"\x00" + bytes([8] * 64))
            + segment(0xC0, struct.pack(">BHHBBBB", 8, height, width, 1, 1, 0x11, 0))
            + segment(0xC4, b"\x00" + bytes(dc_bits) + bytes(range(12)))
            + segment(0xC4, b"\x10" + bytes([1] + [0] * 15) + b"\x00")
            + segment(0xDA, b"\x01\x01\x00\x00\x3f\x00") + bytes(out) + b"\xff\xd9")


def tiff_g4(width, height, data):
    """A one-page bilevel TIFF holding CCITT Group 4 data (black is 1)."""
    entries = [(256, 4, width), (257, 4, height), (258, 3, 1), (259, 3, 4), (262, 3, 0),
               (273, 4, 0), (277, 3, 1), (278, 4, height), (279, 4, len(data))]
    ifd_offset = 8
    data_offset = ifd_offset + 2 + 12 * len(entries) + 4
    ifd = struct.pack("<H", len(entries))
    for tag, kind, value in entries:
        if tag == 273:
            value = data_offset
        ifd += struct.pack("<HHI", tag, kind, 1) + (struct.pack("<HH", value, 0) if kind == 3
                                                     else struct.pack("<I", value))
    return b"II*\x00" + struct.pack("<I", ifd_offset) + ifd + b"\x00\x00\x00\x00" + data


def pdf_stream_bytes(pdf, obj_number):
    """The raw bytes of object obj_number's stream in a sample PDF (no cross-reference needed)."""
    start = pdf.index(b"\n%d 0 obj" % obj_number)
    begin = pdf.index(b"stream", start) + len(b"stream")
    begin += 2 if pdf[begin:begin + 2] == b"\r\n" else 1
    end = pdf.index(b"endstream", begin)
    return pdf[begin:end].rstrip(b"\r\n")


class ZipEntry:
    def __init__(self, name, data, deflate=True, utf8=None, declared_size=None, raw=None, crc=None):
        self.name = name if isinstance(name, bytes) else name.encode("utf-8")
        self.utf8 = (not self.name.isascii()) if utf8 is None else utf8
        self.data = data
        self.deflate = deflate
        self.declared_size = declared_size  # a lie in both headers, when set
        self.raw = raw      # already-deflated bytes (with size and crc given), for bombs
        self.size = None
        self.crc = crc


def make_zip(entries):
    """A zip written byte by byte, so that names, sizes and flags can be anything."""
    out, central = bytearray(), bytearray()
    for e in entries:
        if e.raw is not None:
            packed, size, crc = e.raw, e.size, e.crc
        else:
            size, crc = len(e.data), zlib.crc32(e.data)
            if e.deflate:
                c = zlib.compressobj(6, zlib.DEFLATED, -15)
                packed = c.compress(e.data) + c.flush()
            else:
                packed = e.data
        if e.declared_size is not None:
            size = e.declared_size
        method = 8 if e.deflate or e.raw is not None else 0
        flags = 0x800 if e.utf8 else 0
        offset = len(out)
        header = struct.pack("<HHHHHIIIHH", 20, flags, method, DOS_TIME, DOS_DATE, crc, len(packed), size,
                             len(e.name), 0)
        out += b"PK\x03\x04" + header + e.name + packed
        central += (b"PK\x01\x02" + struct.pack("<H", 0x0314) + header + struct.pack("<HHHII", 0, 0, 0, 0o100644 << 16, offset)
                    + e.name)
    cd_offset = len(out)
    out += central + b"PK\x05\x06" + struct.pack("<HHHHIIH", 0, 0, len(entries), len(entries), len(central),
                                                  cd_offset, 0)
    return bytes(out)


def repeated_deflate(prefix, chunk, count, zlib_wrapper):
    """Deflates prefix + chunk * count without materialising it: once the window holds only the
    chunk's bytes, each sync-flushed chunk compresses to the same bytes. Returns (packed,
    unpacked size, crc32, adler32)."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = c.compress(prefix + chunk) + c.flush(zlib.Z_SYNC_FLUSH)
    same = [c.compress(chunk) + c.flush(zlib.Z_SYNC_FLUSH) for _ in range(3)]
    if not same[1] == same[2]:
        raise SystemExit("hostile-corpus: deflate output of a repeated chunk is not stable")
    tail = c.compress(chunk) + c.flush()
    body = head + same[0] + same[1] * (count - 4) + same[2] + tail  # count chunks in all
    crc = zlib.crc32(prefix)
    adler = zlib.adler32(prefix)
    for _ in range(count):
        crc = zlib.crc32(chunk, crc)
        adler = zlib.adler32(chunk, adler)
    if zlib_wrapper:
        body = b"\x78\xda" + body + struct.pack(">I", adler)
    return body, len(prefix) + len(chunk) * count, crc, adler


# ---------------------------------------------------------------------------------- PDF

PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def rc4(key, data):
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) & 0xFF
        s[i], s[j] = s[j], s[i]
    out = bytearray(len(data))
    i = j = 0
    for n, byte in enumerate(data):
        i = (i + 1) & 0xFF
        j = (j + s[i]) & 0xFF
        s[i], s[j] = s[j], s[i]
        out[n] = byte ^ s[(s[i] + s[j]) & 0xFF]
    return bytes(out)


def standard_security(user, owner, revision, file_id, permissions):
    """The Encrypt dictionary values and file key of the standard security handler, revision 2
    (40-bit RC4) or 3 (128-bit RC4): PDF 1.7 section 7.6.3, algorithms 2 to 5."""
    n = 5 if revision == 2 else 16
    padded = lambda pw: (pw + PAD)[:32]
    # Algorithm 3: O.
    digest = hashlib.md5(padded(owner or user)).digest()
    if revision >= 3:
        for _ in range(50):
            digest = hashlib.md5(digest).digest()
    okey = digest[:n]
    o = rc4(okey, padded(user))
    if revision >= 3:
        for i in range(1, 20):
            o = rc4(bytes(b ^ i for b in okey), o)
    # Algorithm 2: the file key.
    p = struct.pack("<i", permissions)
    digest = hashlib.md5(padded(user) + o + p + file_id).digest()
    if revision >= 3:
        for _ in range(50):
            digest = hashlib.md5(digest[:n]).digest()
    key = digest[:n]
    # Algorithms 4 and 5: U.
    if revision == 2:
        u = rc4(key, PAD)
    else:
        u = rc4(key, hashlib.md5(PAD + file_id).digest())
        for i in range(1, 20):
            u = rc4(bytes(b ^ i for b in key), u)
        u += bytes(16)
    return key, o, u


def object_key(key, number, generation=0):
    return hashlib.md5(key + struct.pack("<I", number)[:3] + struct.pack("<I", generation)[:2]).digest()[:min(len(key) + 5, 16)]


def pdf_literal(text):
    return b"(" + text.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def make_pdf(lines, encrypt=None, content_override=None, title=b"FOI response"):
    """A one-page PDF with the given lines of text in Helvetica. encrypt: (user, owner,
    revision). content_override: (dictionary extras, raw stream bytes) for the page content."""
    file_id = hashlib.md5(b"foicode hostile corpus " + b"\n".join(lines)).digest()
    key = None
    if encrypt:
        user, owner, revision = encrypt
        permissions = -44 if revision == 2 else -3904
        key, o, u = standard_security(user, owner, revision, file_id, permissions)
    if content_override:
        content_dict, content = content_override
    else:
        ops = [b"BT /F1 11 Tf 14 TL 72 770 Td"]
        for line in lines:
            ops.append(pdf_literal(line) + b" Tj T*")
        ops.append(b"ET")
        content = zlib.compress(b"\n".join(ops) + b"\n", 9)
        content_dict = b"/Filter /FlateDecode"

    def string(number, raw):
        if key is None:
            return pdf_literal(raw)
        return b"<" + binascii.hexlify(rc4(object_key(key, number), raw)) + b">"

    def stream(number, data):
        return rc4(object_key(key, number), data) if key is not None else data

    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        None,  # content stream, below
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Title " + string(6, title) + b" /Producer " + string(6, b"foicode hostile corpus") + b" >>",
    ]
    body = stream(4, content)
    objects[3] = b"<< " + content_dict + b" /Length %d >>\nstream\n" % len(body) + body + b"\nendstream"
    if encrypt:
        v, length = (1, 40) if encrypt[2] == 2 else (2, 128)
        objects.append(b"<< /Filter /Standard /V %d /R %d /Length %d /P %d /O <%s> /U <%s> >>"
                       % (v, encrypt[2], length, permissions, binascii.hexlify(o), binascii.hexlify(u)))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    hex_id = binascii.hexlify(file_id)
    out += (b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R /ID [<%s> <%s>]" % (len(objects) + 1, hex_id, hex_id)
            + (b" /Encrypt %d 0 R" % len(objects) if encrypt else b"") + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref)
    return bytes(out)


LETTER = [
    b"Freedom of Information Act 2000 - Request FOI 24-9999",
    b"Dear Requester,",
    b"1. The Trust uses Aidence Veye Lung Nodules in Radiology.",
    b"2. In the last 12 months it was used for 2777 lung checks.",
    b"Yours sincerely, Information Governance, Example NHS Foundation Trust",
]


# ---------------------------------------------------------------------------------- e-mail

def mail(headers, body):
    """headers: list of (name, value) with bytes values; body: bytes. CRLF line ends."""
    out = b""
    for name, value in headers:
        out += (name if isinstance(name, bytes) else name.encode("ascii")) + b": " + value + b"\r\n"
    return out + b"\r\n" + body


ENVELOPE = [("From", b"FOI Team <foi@example.nhs.uk>"), ("To", b"requester@example.org"),
            ("Date", b"Mon, 07 Oct 2024 10:00:00 +0100"), ("MIME-Version", b"1.0")]


def multipart(boundary, parts):
    out = b""
    for headers, body in parts:
        out += b"--" + boundary + b"\r\n"
        for name, value in headers:
            out += name.encode("ascii") + b": " + value + b"\r\n"
        out += b"\r\n" + body + b"\r\n"
    return out + b"--" + boundary + b"--\r\n"


def b64(data):
    return binascii.b2a_base64(data, newline=False)


def b64_lines(data):
    raw = b64(data)
    return b"\r\n".join(raw[i:i + 76] for i in range(0, len(raw), 76))


def attachment(filename_header, data, mime=b"application/octet-stream"):
    return ([("Content-Type", mime), ("Content-Disposition", b"attachment; " + filename_header),
             ("Content-Transfer-Encoding", b"base64")], b64_lines(data))


def text_part(text, charset=b"utf-8", subtype=b"plain"):
    return ([("Content-Type", b"text/" + subtype + b"; charset=" + charset),
             ("Content-Transfer-Encoding", b"8bit")], text)


# ---------------------------------------------------------------------------------- office

CONTENT_TYPES_DOCX = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                      b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                      b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                      b'<Default Extension="xml" ContentType="application/xml"/>'
                      b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                      b'</Types>')
RELS_DOCX = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
             b'</Relationships>')


def docx(paragraphs):
    body = b"".join(b"<w:p><w:r><w:t xml:space=\"preserve\">" + p + b"</w:t></w:r></w:p>" for p in paragraphs)
    document = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
                + body + b"</w:body></w:document>")
    return make_zip([ZipEntry("[Content_Types].xml", CONTENT_TYPES_DOCX), ZipEntry("_rels/.rels", RELS_DOCX),
                     ZipEntry("word/document.xml", document)])


def xlsx(sheet_xml, shared_strings_xml=None):
    types = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             b'<Default Extension="xml" ContentType="application/xml"/>'
             b'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
             b'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
             + (b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
                if shared_strings_xml is not None else b"") + b"</Types>")
    rels = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            b'</Relationships>')
    workbook = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                b'<sheets><sheet name="AI tools" sheetId="1" r:id="rId1"/></sheets></workbook>')
    workbook_rels = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                     b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                     b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
                     + (b'<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
                        if shared_strings_xml is not None else b"") + b"</Relationships>")
    entries = [ZipEntry("[Content_Types].xml", types), ZipEntry("_rels/.rels", rels),
               ZipEntry("xl/workbook.xml", workbook), ZipEntry("xl/_rels/workbook.xml.rels", workbook_rels),
               ZipEntry("xl/worksheets/sheet1.xml", sheet_xml)]
    if shared_strings_xml is not None:
        entries.append(ZipEntry("xl/sharedStrings.xml", shared_strings_xml))
    return make_zip(entries)


SHEET_HEAD = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')


# ---------------------------------------------------------------------------------- corpus

def truncated_and_empty(c, material):
    """Each kind cut at several points, and empty."""
    for stem, (ext, data) in material.items():
        cuts = sorted({max(1, len(data) // 10), len(data) // 2, len(data) * 9 // 10, len(data) - 1})
        for cut in cuts:
            label = f"{stem}-cut{cut}of{len(data)}"
            if ext == "winmail.dat":
                c.write(f"truncated/{label}/winmail.dat", data[:cut])
            else:
                c.write(f"truncated/{label}.{ext}", data[:cut])
        c.write(f"empty/{stem}/winmail.dat" if ext == "winmail.dat" else f"empty/{stem}.{ext}", b"")


def misnamed(c, m):
    pairs = [("pdf-named", "docx", m["pdf-text"][1]), ("zip-named", "pdf", m["zip"][1]),
             ("text-named", "png", m["txt"][1]), ("docx-named", "xlsx", m["docx"][1]),
             ("xlsx-named", "docx", m["xlsx"][1]), ("eml-named", "pdf", m["eml"][1]),
             ("msg-named", "eml", m["msg"][1]), ("html-named", "csv", m["html"][1]),
             ("png-named", "txt", m["png"][1]), ("jpg-named", "png", m["jpg"][1]),
             ("tif-named", "jpg", m["tif"][1]), ("csv-named", "xlsx", m["csv"][1]),
             ("pdf-named", "eml", m["pdf-text"][1]), ("winmail-named", "zip", m["winmail"][1]),
             ("zip-named", "docx", make_zip([ZipEntry("letter.txt", b"Not a Word document.\n")]))]
    for stem, ext, data in pairs:
        c.write(f"misnamed/{stem}.{ext}", data)
    c.write("misnamed/zip-named/winmail.dat", m["zip"][1])
    c.write("misnamed/no-extension", m["pdf-text"][1])


def encrypted(c):
    c.write("encrypted/user-password-rc4-40.pdf", make_pdf(LETTER, encrypt=(b"secret", b"owner-secret", 2)))
    c.write("encrypted/user-password-rc4-128.pdf", make_pdf(LETTER, encrypt=(b"secret", b"owner-secret", 3)))
    c.write("encrypted/owner-password-only-rc4-40.pdf", make_pdf(LETTER, encrypt=(b"", b"owner-secret", 2)))
    c.write("encrypted/owner-password-only-rc4-128.pdf", make_pdf(LETTER, encrypt=(b"", b"owner-secret", 3)))
    c.write("encrypted/user-equals-owner-rc4-128.pdf", make_pdf(LETTER, encrypt=(b"same", b"same", 3)))
    c.write("encrypted/plain-reference.pdf", make_pdf(LETTER))


def nested(c, m):
    # message/rfc822 in message/rfc822, 100 deep, each level a multipart with a text part.
    inner = mail([("Subject", b"Level 100")] + ENVELOPE + [("Content-Type", b"text/plain; charset=utf-8")],
                 b"The innermost reply: the Trust does not use clinical AI.\r\n")
    for level in range(99, 0, -1):
        boundary = b"level-%d" % level
        inner = mail([("Subject", b"Fwd: level %d" % level)] + ENVELOPE
                     + [("Content-Type", b'multipart/mixed; boundary="' + boundary + b'"')],
                     multipart(boundary, [text_part(b"Forwarded, level %d." % level),
                                          ([("Content-Type", b"message/rfc822"),
                                            ("Content-Disposition", b'attachment; filename="level-%d.eml"' % (level + 1))],
                                           inner)]))
    c.write("nested/message-in-message-100-deep.eml", inner)
    # The same with no multipart: each message's whole body is the next message.
    inner = mail([("Subject", b"Level 100")] + ENVELOPE + [("Content-Type", b"text/plain")], b"Innermost.\r\n")
    for level in range(99, 0, -1):
        inner = mail([("Subject", b"Fwd: level %d" % level)] + ENVELOPE + [("Content-Type", b"message/rfc822")], inner)
    c.write("nested/bare-message-in-message-100-deep.eml", inner)
    # zip in zip, 50 deep.
    inner = make_zip([ZipEntry("reply.txt", b"The innermost reply: 12 uses of Brainomix e-Stroke.\n")])
    for level in range(49, 0, -1):
        inner = make_zip([ZipEntry(f"level-{level + 1}.zip", inner, deflate=False)])
    c.write("nested/zip-in-zip-50-deep.zip", inner)
    # Alternating e-mail and zip, 40 deep, the sample reply at the bottom.
    inner = m["eml"][1]
    for level in range(40, 0, -1):
        if level % 2:
            inner = make_zip([ZipEntry(f"level-{level + 1}.eml", inner)])
        else:
            boundary = b"alt-%d" % level
            inner = mail([("Subject", b"level %d" % level)] + ENVELOPE
                         + [("Content-Type", b'multipart/mixed; boundary="' + boundary + b'"')],
                         multipart(boundary, [text_part(b"See attached."),
                                              attachment(b'filename="level-%d.zip"' % (level + 1), inner,
                                                         b"application/zip")]))
    c.write("nested/zip-and-mail-alternating-40-deep.zip", inner)


def bombs(c):
    chunk = b" " * (1 << 20)
    # A PDF whose page content inflates to 1 GiB of spaces after one line of text.
    prefix = b"BT /F1 11 Tf 72 770 Td (Freedom of Information reply: see below.) Tj ET\n"
    packed, size, _, _ = repeated_deflate(prefix, chunk, 1024, zlib_wrapper=True)
    c.write("bombs/flate-bomb-1GiB-content.pdf", make_pdf([], content_override=(b"/Filter /FlateDecode", packed)))
    # The same stream claimed as a font and as an image, 8 times on one page, would cost more;
    # one page content is enough to show whether inflation is bounded.
    zeros = bytes(1 << 20)
    packed, size, crc, _ = repeated_deflate(b"", zeros, 1100, zlib_wrapper=False)
    bomb = ZipEntry("report.txt", None, raw=packed, crc=crc)
    bomb.size = size
    c.write("bombs/zip-bomb-1100MiB-entry.zip", make_zip([ZipEntry("readme.txt", b"See report.txt\n"), bomb]))
    # The same entry with headers that claim it is 2,000 bytes.
    liar = ZipEntry("report.txt", None, raw=packed, crc=crc, declared_size=2000)
    liar.size = size
    c.write("bombs/zip-bomb-size-understated.zip", make_zip([liar]))
    # A PNG whose header claims 100,000 x 100,000 pixels (10 gigapixels), with one row of data.
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    c.write("bombs/png-claims-10-gigapixels.png",
            b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 100_000, 100_000, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(bytes(100_001), 9)) + chunk(b"IEND", b""))
    # A DOCX whose document.xml is the bomb.
    doc = ZipEntry("word/document.xml", None, raw=packed, crc=crc)
    doc.size = size
    c.write("bombs/docx-bomb.docx", make_zip([ZipEntry("[Content_Types].xml", CONTENT_TYPES_DOCX),
                                              ZipEntry("_rels/.rels", RELS_DOCX), doc]))


def spreadsheets(c):
    # 3 million shared strings, each distinct (so that the part compresses like real text,
    # about 9x, and is not taken for a bomb); the sheet refers to the last and past the end.
    strings = b"".join(b"<si><t>%d</t></si>" % i for i in range(3_000_000))
    shared = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3000000" uniqueCount="3000000">'
              + strings + b"</sst>")
    sheet = (SHEET_HEAD + b'<dimension ref="A1:B2"/><sheetData>'
             b'<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>2999999</v></c></row>'
             b'<row r="2"><c r="A2" t="s"><v>3000001</v></c><c r="B2" t="s"><v>-1</v></c></row>'
             b"</sheetData></worksheet>")
    c.write("spreadsheets/shared-strings-3-million.xlsx", xlsx(sheet, shared))
    # A sheet whose dimension claims the whole grid (17 billion cells), with two real cells at
    # its corners, and rows claiming spans to the last column.
    sheet = (SHEET_HEAD + b'<dimension ref="A1:XFD1048576"/><sheetData>'
             b'<row r="1" spans="1:16384"><c r="A1" t="inlineStr"><is><t>Vendor</t></is></c></row>'
             b'<row r="1048576" spans="1:16384"><c r="XFD1048576" t="inlineStr"><is><t>Aidence</t></is></c></row>'
             b"</sheetData></worksheet>")
    c.write("spreadsheets/dimension-claims-17-billion-cells.xlsx", xlsx(sheet))
    # 2.1 million real cells (over max_cells), five to a row, varied numbers.
    rows = b"".join(b'<row r="%d"><c><v>%d</v></c><c><v>%d</v></c><c><v>%d</v></c><c><v>%d</v></c><c><v>%d</v></c></row>'
                    % (r, r * 7 % 1000, r * 13 % 997, r * 3 % 991, r % 10, r * 31 % 1009) for r in range(1, 420_001))
    sheet = SHEET_HEAD + b'<dimension ref="A1:E420000"/><sheetData>' + rows + b"</sheetData></worksheet>"
    c.write("spreadsheets/two-million-cells.xlsx", xlsx(sheet))
    # Cell references far out of range and malformed.
    sheet = (SHEET_HEAD + b"<sheetData>"
             b'<row r="99999999999"><c r="ZZZZZZ99999999999" t="inlineStr"><is><t>out of range</t></is></c></row>'
             b'<row r="-5"><c r="A-5" t="s"><v>99999999999999999999</v></c><c r="" t="n"><v>1e999999</v></c></row>'
             b"</sheetData></worksheet>")
    c.write("spreadsheets/cell-references-out-of-range.xlsx", xlsx(sheet))


BAD = b"\xff\xfe\xc3\x28\x00\xed\xa0\x80\xf8\x88\x80\x80\x80\x00"  # invalid UTF-8 sequences and NULs


def bad_bytes(c, m):
    """Invalid UTF-8 and NUL bytes in every field."""
    boundary = b"bad-bytes"
    body = multipart(boundary, [
        text_part(b"Dear Requester,\r\nThe Trust\x00 uses Aidence" + BAD + b" for 2777\x00 lung checks.\r\n"),
        text_part(b"<html><body\x00><p>Brain" + BAD + b"omix e-Stroke</p\x00><table><tr><td>\xff\x00</td></tr></table></body></html>",
                  subtype=b"html"),
        attachment(b'filename="resp\x00onse' + BAD + b'.csv"', b"Vendor,Uses\r\nAidence\x00,12\xff\r\n\xfe\x00,\x00\r\n", b"text/csv"),
        attachment(b"filename*=utf-8''%FF%00%C3%28letter%00.pdf", m["pdf-text"][1], b"application/pdf"),
        attachment(b'filename="=?utf-8?B?' + b64(b"\xff\x00name.txt") + b'?="', b"plain text\x00 with a NUL\r\n",
                   b"text/plain; charset=utf-8"),
        attachment(b'filename="' + b"x" * 3000 + b'.txt"', b"A very long attachment name.\r\n", b"text/plain"),
    ])
    headers = [("From", b'"Tr\xffust\x00 FOI" <foi\x00@ex\xfeample.nhs.uk>'), ("To", b"req\x00uester@example.org\xff"),
               ("Subject", b"FOI\x00 24-" + BAD + b" =?utf-8?B?" + b64(b"\xff\xfe\x00") + b"?="),
               ("Date", b"Mon, 07 Oct 2024\x00 10:00:00 \xff+0100"), ("Message-ID", b"<\x00\xff@example>"),
               ("MIME-Version", b"1.0"), (b"X-\xffBad", b"\x00"),
               ("Content-Type", b'multipart/mixed; charset="\xff\x00"; boundary="' + boundary + b'"')]
    c.write("bad-bytes/every-field.eml", mail(headers, body))
    c.write("bad-bytes/charset-names-garbage.eml",
            mail([("Subject", b"=?x-\xff\x00?Q?abc?=")] + ENVELOPE + [("Content-Type", b"text/plain; charset=\"\x00\xff\"")],
                 b"Body in an unknown charset\x00\xff.\r\n"))
    c.write("bad-bytes/cells.csv", b"Vendor,Product,Uses\r\nAid\x00ence," + BAD + b",2777\r\n\"unterminated\x00,\xff\r\n"
            + b"\x00" * 100 + b"\r\n" + b"," * 5000 + b"\r\n")
    c.write("bad-bytes/page.html", b"<html><head><meta charset=\"\xff\x00\"><title>\x00FOI\xff</title></head><body>"
            b"<p>Aidence\x00" + BAD + b"</p><a href=\"\x00javascript:\xff\">x</a><" + b"\x00" * 50 + b"></body></html>")
    c.write("bad-bytes/text.txt", b"FOI reply\x00\r\n" + BAD * 20 + b"\r\nThe Trust uses Lunit INSIGHT MMG.\x00\r\n")
    c.write("bad-bytes/utf16-odd-length.txt", b"\xff\xfe" + "FOI reply: Aidence".encode("utf-16-le") + b"\x00")
    c.write("bad-bytes/utf8-bom-then-garbage.csv", b"\xef\xbb\xbf" + BAD + b",a\r\n")
    c.write("bad-bytes/document.docx", docx([b"Aidence" + BAD, b"NUL\x00in text", b"\xff\xfe\xfd"]))
    c.write("bad-bytes/sheet.xlsx", xlsx(SHEET_HEAD + b'<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c>'
                                          b'<c r="B1" t="inlineStr"><is><t>\xff\x00</t></is></c></row></sheetData></worksheet>',
                                          b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                                          b"<si><t>Aid" + BAD + b"ence</t></si></sst>"))
    c.write("bad-bytes/pdf-text-invalid-utf16.pdf",
            make_pdf([b"Aidence \xff\xfe\x00\xd8", b"\x00\x00\x00"], title=b"\xfe\xff\xd8\x00\x00"))


def many_attachments(c):
    boundary = b"ten-thousand"
    parts = [text_part(b"Please find the 10,000 attached files.")]
    for i in range(10_000):
        parts.append(([("Content-Type", b"text/plain"), ("Content-Disposition", b'attachment; filename="part-%05d.txt"' % i)],
                      b"Attachment %d." % i))
    c.write("many/ten-thousand-attachments.eml",
            mail([("Subject", b"FOI 24-10000")] + ENVELOPE + [("Content-Type", b'multipart/mixed; boundary="' + boundary + b'"')],
                 multipart(boundary, parts)))
    # A zip with 20,000 entries (over max_entries).
    c.write("many/twenty-thousand-entries.zip",
            make_zip([ZipEntry(f"entry-{i:05d}.txt", b"x", deflate=False) for i in range(20_000)]))


def hostile_names(c, m):
    escape = [
        f"../../{ESCAPE_MARKER}-relative.txt".encode(),
        f"/tmp/{ESCAPE_MARKER}-absolute.txt".encode(),
        f"folder/../../../{ESCAPE_MARKER}-dotdot.txt".encode(),
        f"..\\..\\{ESCAPE_MARKER}-backslash.txt".encode(),
        f"C:\\Windows\\Temp\\{ESCAPE_MARKER}-drive.txt".encode(),
        f"~/{ESCAPE_MARKER}-home.txt".encode(),
        b"..",
        b".",
        b"",
        b"/",
        "Réponse – 回答 №5.pdf".encode("utf-8"),
        "Re\u0301ponse-decomposed.txt".encode("utf-8"),
        b"r\xe9ponse-latin1.txt",
        b"nul\x00inside.txt",
        b"line\r\nbreak.txt",
    ]
    body = b"The Trust uses Aidence Veye Lung Nodules.\r\n"
    entries = []
    for name in escape:
        data = m["pdf-text"][1] if name.endswith(b".pdf") else body
        entries.append(ZipEntry(name, data, utf8=None if name.isascii() else (b"\xe9" not in name)))
    entries.append(ZipEntry(f"dir/{ESCAPE_MARKER}-dir-entry/", b"", deflate=False))
    entries.append(ZipEntry(f"../{ESCAPE_MARKER}-dup.txt", body))
    entries.append(ZipEntry(f"../{ESCAPE_MARKER}-dup.txt", body + b"second copy\r\n"))
    c.write("names/escaping-entries.zip", make_zip(entries))

    boundary = b"names"
    parts = [text_part(b"Please find attached.")]
    for name in escape:
        if b"\x00" in name or b"\r" in name:
            header = b"filename*=utf-8''" + b"".join(b"%%%02X" % ch for ch in name)
        elif not name.isascii():
            header = b"filename*=utf-8''" + b"".join(b"%%%02X" % ch for ch in name)
        else:
            header = b'filename="' + name.replace(b"\\", b"\\\\") + b'"'
        data = m["pdf-text"][1] if name.endswith(b".pdf") else body
        parts.append(attachment(header, data, b"application/pdf" if name.endswith(b".pdf") else b"text/plain"))
    parts.append(attachment(b'filename="=?utf-8?Q?=2E=2E=2F=2E=2E=2F' + ESCAPE_MARKER.encode() + b'-encoded-word.txt?="', body,
                            b"text/plain"))
    c.write("names/escaping-attachments.eml",
            mail([("Subject", b"FOI 24-0001 names")] + ENVELOPE + [("Content-Type", b'multipart/mixed; boundary="' + boundary + b'"')],
                 multipart(boundary, parts)))
    # Files whose own names are hostile.
    c.write("names/Réponse FOI – 回答 №5.eml", m["eml"][1])
    c.write("names/Re\u0301ponse NFD.txt", m["txt"][1])
    c.write(b"names/latin1-r\xe9ponse.txt", m["txt"][1])
    # Differs from the name above only in its invalid byte: the same name once made valid text.
    c.write(b"names/latin1-r\xe8ponse.txt", m["txt"][1] + b"\nA second copy.\n")
    c.write("names/line\nbreak.txt", m["txt"][1])
    c.write("names/-leading-dash.txt", m["txt"][1])
    c.write("names/.hidden.txt", m["txt"][1])
    c.write("names/" + "long" * 60 + ".txt", m["txt"][1])
    c.write("names/quote\"comma,semicolon;.csv", m["csv"][1])
    c.write("names/=HYPERLINK(\"x\").txt", m["txt"][1])


def huge_line(c):
    rng = random.Random(50)
    words = ["the", "Trust", "uses", "Aidence", "Veye", "Lung", "Nodules", "for", "2777", "lung", "checks",
             "in", "12", "months", "approximately", "10-15", "per", "month", "Brainomix", "e-Stroke",
             "not", "held", "s12", "exemption", "2023/24", "£1,200"]
    block = " ".join(rng.choice(words) for _ in range(180_000)).encode("utf-8") + b" "
    reps = (50 << 20) // len(block) + 1
    c.write("huge/fifty-megabytes-one-line.txt", (block * reps)[:50 << 20])


def broken_pdfs(c, pdf):
    xref = pdf.rindex(b"\nxref\n") + 1
    startxref = pdf.rindex(b"startxref")
    # Every offset in the table off by 7.
    table_end = pdf.index(b"trailer", xref)
    lines = pdf[xref:table_end].split(b"\n")
    shifted = []
    for line in lines:
        if len(line) >= 18 and line[10:11] == b" " and line.rstrip().endswith(b"n"):
            line = b"%010d" % (int(line[:10]) + 7) + line[10:]
        shifted.append(line)
    c.write("broken-pdf/xref-offsets-shifted.pdf", pdf[:xref] + b"\n".join(shifted) + pdf[table_end:])
    # The table replaced by garbage, startxref past the end of the file.
    c.write("broken-pdf/xref-garbage-startxref-past-end.pdf",
            pdf[:xref] + b"xref\n0 999999999\nthis is not a table\n" + pdf[table_end:startxref] + b"startxref\n99999999\n%%EOF\n")
    # No table, no trailer, no startxref.
    c.write("broken-pdf/no-xref-no-trailer.pdf", pdf[:xref])
    # startxref pointing at itself, and a trailer whose /Root is missing.
    c.write("broken-pdf/startxref-loop.pdf", pdf[:startxref] + b"startxref\n%d\n%%%%EOF\n" % startxref)
    c.write("broken-pdf/trailer-without-root.pdf", pdf.replace(b"/Root", b"/Xoot"))
    # An incremental update whose /Prev points back at itself.
    loop = len(pdf)
    c.write("broken-pdf/prev-loop.pdf", pdf + b"xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 1 /Prev %d >>\n"
            b"startxref\n%d\n%%%%EOF\n" % (loop, loop))
    # Only a header.
    c.write("broken-pdf/header-only.pdf", b"%PDF-1.7\n")
    # A page tree whose /Kids refer to the page tree itself.
    c.write("broken-pdf/page-tree-loop.pdf", make_pdf(LETTER).replace(b"/Kids [3 0 R]", b"/Kids [2 0 R]"))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir")
    ap.add_argument("--samples", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "samples", "replies"))
    args = ap.parse_args()
    if os.path.exists(args.out_dir) and os.listdir(args.out_dir):
        sys.exit(f"hostile-corpus: {args.out_dir} is not empty")
    os.makedirs(args.out_dir, exist_ok=True)
    s = args.samples
    c = Corpus(args.out_dir)

    scan = read(s, "Scan_20241023_101544.pdf")
    # A 512 x 512 page image (big enough to be taken for a page and read by OCR): white, with
    # rows of dark "words" made of 8 x 8 blocks.
    rng = random.Random(7)
    gray = [[255] * 64 for _ in range(64)]
    for by in range(4, 60, 3):
        bx = 4
        while bx < 58:
            width = rng.randrange(2, 7)
            for x in range(bx, min(bx + width, 60)):
                gray[by][x] = 0
            bx += width + 1
    material = {
        "pdf-text": ("pdf", read(s, "FOI 24-1187 Response.pdf")),
        "pdf-owner-encrypted": ("pdf", read(s, "FOI-2024-3318 - Final Response.pdf")),
        "eml": ("eml", read(s, "RE_ FOI 24-0912 - Clinical AI.eml")),
        "msg": ("msg", read(s, "FOI 24-25 0712 Response.msg")),
        "winmail": ("winmail.dat", attachment_of(read(s, "FOI KGH-24-601.eml"), "winmail.dat")),
        "zip": ("zip", attachment_of(read(s, "FOI 3345 Clinical AI.eml"), ".zip")),
        "docx": ("docx", read(s, "FOI 2024-510 response.docx")),
        "xlsx": ("xlsx", read(s, "FOI 9912 Clinical AI response.xlsx")),
        "csv": ("csv", read(s, "FOI-MKUH-24-389.csv")),
        "txt": ("txt", read(s, "FOI 24-7763 reply.txt")),
        "html": ("html", read(s, "Clinical AI - FOI 24-25-0631 - The Rotherham NHS Foundation Trust.html")),
        "png": ("png", png(512, 512, [bytes(gray[y // 8][x // 8] for x in range(512)) for y in range(512)])),
        "jpg": ("jpg", jpeg(512, 512, gray)),
        "tif": ("tif", tiff_g4(1654, 2339, pdf_stream_bytes(scan, 6))),
    }
    truncated_and_empty(c, material)
    c.write("truncated/pdf-scan-cut-half.pdf", scan[:len(scan) // 2])
    misnamed(c, material)
    encrypted(c)
    nested(c, material)
    bombs(c)
    spreadsheets(c)
    bad_bytes(c, material)
    many_attachments(c)
    hostile_names(c, material)
    huge_line(c)
    broken_pdfs(c, material["pdf-text"][1])
    print(f"hostile-corpus: {c.count} files, {c.size / 1e6:.1f} MB in {args.out_dir}")


if __name__ == "__main__":
    main()
