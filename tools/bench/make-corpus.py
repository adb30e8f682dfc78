#!/usr/bin/env python3
"""Writes a synthetic corpus of Freedom of Information replies to the clinical AI request, for
measuring foicode at scale.

usage: tools/bench/make-corpus.py OUT [--count N] [--seed S] [--start K] [--list-pdfs FILE]

Writes N reply files (default 10,000), numbered K..K+N-1 (default K = 0), flat into OUT,
creating it. By file number: about half are short PDF letters (1-2 pages), a quarter e-mails
(.eml, MIME, with 1-3 attachments: a PDF letter, a DOCX, an XLSX or a CSV of figures), a sixth
long policy, procedure and minutes PDFs (10-40 pages, mostly governance prose with the odd AI
product named), and the rest office files (.docx, .xlsx and a few .csv).

The text is made from dictionaries/: trust names and aliases, clinical AI vendors and products
under their canonical names, aliases and former names, and tools that are not clinical AI.
Each trust keeps one profile across its files (the systems it uses, their status, figures and
dates, its reference style and its FOI officer), so replies from one trust agree with each other.
Replies mix systems in use with usage figures, pilots, procurement and decommissioned systems,
refusals (section 12 cost limit), exemptions (sections 21, 22, 36, 40, 43), "not held"
answers, negations, internal reviews, signatures, addresses and the usual appeal boilerplate.

Output depends only on the arguments and dictionaries/: each file is drawn from its own
random.Random seeded with (seed, file number), zip entries carry a fixed time, and every file's
modification time is set to its reply date. Running again with a new --start adds new files
with new names; a file already present with the same bytes is left alone, one with other bytes
stops the run. Nothing else is written into OUT (foicode reads every file there).

Prints one JSON object to stdout: {"files", "by_kind", "pdf_pages" (pages of the top-level
PDFs), "bytes"}. --list-pdfs FILE writes the absolute paths of this run's top-level PDFs, one
a line, to FILE (which must be outside OUT); the names hold spaces, so use xargs -d '\\n'.
"""
import argparse
import binascii
import datetime
import hashlib
import json
import os
import quopri
import random
import struct
import sys
import zlib
from xml.sax.saxutils import escape as xml_escape

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DICTIONARIES = os.path.join(ROOT, "dictionaries")

# One cycle of 12 file numbers gives the mix: 6 letters, 3 e-mails, 2 policies, 1 office file.
KIND_CYCLE = ["pdf_letter", "email", "pdf_letter", "policy_pdf", "pdf_letter", "email",
              "pdf_letter", "office", "pdf_letter", "email", "pdf_letter", "policy_pdf"]
OFFICE_CYCLE = ["docx", "xlsx", "docx", "xlsx", "docx", "xlsx", "docx", "csv"]
KINDS = ["pdf_letter", "email", "policy_pdf", "docx", "xlsx", "csv"]

REQUEST_DATE = datetime.date(2024, 9, 18)
REQUEST_MESSAGE_ID = "<CAH7d0xQv3n9-FOIclinicalAI-20240918@mail.darwinist.example>"
REQUESTER = "Darwinist"
REQUESTER_ADDRESS = "foi@darwinist.example"

QUESTIONS = [
    "Does the trust currently use any clinical AI systems in diagnosing or treating patients?",
    "Please provide a list of clinical AI systems currently used by the trust.",
    "If available, please provide any existing reports or summaries detailing the usage frequency "
    "of these clinical AI systems within the trust over the past 12 months.",
    "If available, please provide copies of any policies, procedures, or committee meeting minutes "
    "from the past two years that outline how the trust selects and approves clinical AI systems for use.",
]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

FIRST_NAMES = ["Sarah", "James", "Emma", "David", "Rachel", "Michael", "Helen", "Paul", "Claire",
               "Andrew", "Joanne", "Mark", "Louise", "Stephen", "Nicola", "Gareth", "Amanda",
               "Richard", "Priya", "Mohammed", "Karen", "Simon", "Lisa", "Daniel", "Aisha",
               "Catherine", "Neil", "Fiona", "Tom", "Hannah", "Rebecca", "Ian", "Sophie", "Raj"]
SURNAMES = ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies",
            "Patel", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts",
            "Green", "Hall", "Wood", "Jackson", "Clarke", "Khan", "Hughes", "Edwards", "Turner",
            "Hill", "Moore", "Cooper", "Ward", "Morris", "King", "Harrison", "Begum", "Shaw"]
FOI_ROLES = ["Freedom of Information Officer", "FOI Lead", "Information Governance Officer",
             "Information Governance Manager", "FOI and Data Protection Officer",
             "Corporate Governance Officer", "Head of Information Governance",
             "Information Rights Officer"]
TEAMS = ["Information Governance / FOI Team", "Freedom of Information Team",
         "Information Governance Team", "Corporate Affairs - FOI", "FOI Office",
         "Information Rights Team"]
STREETS = ["Herries Road", "Turner Road", "Lancaster Park Road", "Hospital Lane", "Infirmary Road",
           "London Road", "Station Road", "Church Lane", "Park Road", "Victoria Road", "Bath Road",
           "Ashby Road", "Gloucester Road", "Westgate", "Hills Road", "Prescot Street",
           "Thornton Road", "Stott Lane", "Whitworth Road", "Queens Road", "Windmill Road",
           "Hartshill Road", "Derriford Road", "Barrack Road", "Sandy Lane", "Kingsway"]
FALLBACK_TOWNS = ["Leeds", "Bristol", "Reading", "Exeter", "Preston", "Derby", "Norwich",
                  "Coventry", "Stockport", "Luton", "Swindon", "Worcester", "Carlisle", "Bolton"]
NOT_A_TOWN = {"The", "University", "Royal", "Mid", "North", "South", "East", "West", "Northern",
              "Great", "United", "Guy's", "King's", "Imperial", "Countess", "Queen", "George",
              "Frimley", "Chelsea", "Homerton", "Whittington", "Lewisham", "Isle", "Dartford",
              "Tameside", "Barking", "Alder", "Ashford", "St", "Kettering", "Calderdale",
              "Wye", "Bedfordshire"}
POSTCODE_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"

USES_AI_CHANCE = {"uses": 0.95, "none": 0.08, "silent": 0.5, "outside": 0.5}
STATUS_WEIGHTS = [("in_use", 60), ("pilot", 18), ("procurement", 8), ("decommissioned", 7),
                  ("evaluation", 7)]

# Monthly volume range and units a reply would count in, by the product's first modality.
VOLUMES = {
    "CT": (80, 1500, ["CT heads", "CT scans", "studies", "CT examinations", "scans"]),
    "X-ray": (800, 9000, ["X-rays", "examinations", "radiographs", "studies", "images"]),
    "Mammography": (600, 4000, ["mammograms", "screening episodes", "cases"]),
    "MRI": (150, 1500, ["MRI scans", "examinations", "studies"]),
    "Dermoscopy": (50, 600, ["lesions", "referrals", "patients"]),
    "ECG": (20, 200, ["patients", "monitors", "recordings"]),
    "Echocardiography": (40, 300, ["echocardiograms", "studies"]),
    "Endoscopy": (30, 300, ["colonoscopies", "procedures"]),
    "Pathology slides": (200, 3000, ["slides", "cases"]),
    "Radiotherapy planning": (15, 150, ["treatment plans", "patients"]),
    "Ultrasound": (100, 800, ["scans", "examinations"]),
    "": (20, 500, ["cases", "patients", "studies", "analyses"]),
}
DEPARTMENTS = {
    "Radiology": ["Radiology", "the Emergency Department", "Imaging", "Diagnostic Imaging",
                  "the Breast Screening Service", "Musculoskeletal Radiology"],
    "Neurology": ["the stroke service", "the Hyperacute Stroke Unit", "Neuroradiology",
                  "the Emergency Department"],
    "Cardiology": ["Cardiology", "Cardiac Imaging"],
    "Dermatology": ["Dermatology", "the skin cancer pathway"],
    "Oncology": ["Oncology", "the Cancer Centre"],
    "Radiotherapy": ["Radiotherapy", "the Oncology Centre", "Radiotherapy Physics"],
    "Gastroenterology": ["Endoscopy", "Gastroenterology", "Hepatology"],
    "Respiratory": ["Respiratory Medicine", "the Lung Health Check programme"],
    "Pathology": ["Cellular Pathology", "Histopathology"],
    "Ophthalmology": ["Ophthalmology", "the diabetic eye screening programme"],
    "Urology": ["Urology", "the prostate cancer pathway"],
    "Orthopaedics": ["Trauma and Orthopaedics"],
    "Obstetrics": ["Maternity services"],
    "Emergency medicine": ["the Emergency Department"],
    "General": ["Clinical services", "Outpatients"],
}
PURPOSE_KEYWORDS = [
    (("Lung", "Nodule"), "lung nodule detection on chest CT"),
    (("CXR", "Chest", "qXR", "Red Dot", "Xray", "ChestLink"), "chest X-ray reporting and triage"),
    (("Bone", "fracture", "Rayvolve", "RBknee"), "fracture detection on plain film X-ray"),
    (("Stroke", "ASPECTS", "LVO", "CTA", "CTP", "ICH"), "stroke CT analysis (CT brain and CT angiography)"),
    (("HeartFlow", "CaRi", "cvi42"), "cardiac CT analysis"),
    (("Resolve", "Recon", "AiCE", "Subtle", "SmartSpeed", "TrueFidelity"), "image reconstruction"),
    (("Mia", "Transpara", "MMG", "DBT", "ProFound"), "breast screening mammography reading"),
    (("Contour", "DLC", "RayStation"), "auto-contouring for radiotherapy planning"),
    (("PE", "iPE"), "detection of pulmonary embolism on CT"),
]
PURPOSE_BY_SUBSPECIALTY = {
    "Radiology": "image analysis in radiology", "Neurology": "stroke imaging",
    "Cardiology": "cardiac imaging analysis", "Dermatology": "skin lesion triage on the urgent cancer pathway",
    "Radiotherapy": "radiotherapy treatment planning", "Pathology": "digital pathology slide analysis",
    "Ophthalmology": "retinal image analysis", "Gastroenterology": "polyp detection during colonoscopy",
    "Respiratory": "lung nodule risk assessment", "Urology": "prostate MRI analysis",
    "Oncology": "oncology decision support", "Orthopaedics": "orthopaedic imaging",
    "Obstetrics": "fetal monitoring", "Emergency medicine": "emergency triage",
    "General": "clinical decision support",
}
POLICY_TITLES = ["Clinical AI Policy", "Artificial Intelligence Governance Policy",
                 "Digital Technology Assessment Procedure", "Medical Devices Management Policy",
                 "Information Governance Framework", "AI Steering Group Terms of Reference and Minutes",
                 "Clinical Safety Management System", "Procurement of Digital Health Technologies SOP",
                 "Digital Programme Board Minutes", "Data Protection Impact Assessment Procedure",
                 "Use of Artificial Intelligence in Clinical Care Policy", "New Technologies Approval Procedure"]
GROUPS = ["the Digital Programme Board", "the AI Steering Group", "the Clinical Safety Group",
          "the Information Governance Steering Group", "the Medical Devices Committee",
          "the Clinical Effectiveness Committee", "the Digital Design Authority",
          "the New Interventional Procedures Group", "the Quality and Safety Committee",
          "the Procurement Steering Group", "the Clinical Digital Advisory Group"]


# ---------------------------------------------------------------------------------- dictionaries

def read_tsv(name):
    """The rows of a dictionary file, as lists of fields, without comments or blank lines."""
    with open(os.path.join(DICTIONARIES, name), encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip() and not line.startswith("#")]


def values(field):
    return field.split(" ; ") if field else []


def cohort_of(note):
    if note.startswith("cohort: uses"):
        return "uses"
    if note.startswith("cohort: no"):
        return "none"
    if note.startswith("cohort: did not"):
        return "silent"
    return "outside"


class Dictionaries:
    def __init__(self):
        self.vendor_aliases = {row[0]: values(row[2]) for row in read_tsv("vendors.tsv")}
        self.products = [{"name": r[0], "vendor": r[1], "subspecialty": r[2], "modality": values(r[3]),
                          "aliases": values(r[4]), "in_study": "study:" in r[5]}
                         for r in read_tsv("products.tsv")]
        self.tools = [{"vendor": r[0], "product": r[1], "category": r[2], "aliases": values(r[4])}
                      for r in read_tsv("not_clinical_ai.tsv")]
        orgs = read_tsv("organisations.tsv")
        self.trusts = [{"name": r[0], "aliases": values(r[2]), "domains": values(r[3]),
                        "cohort": cohort_of(r[4])} for r in orgs if r[1] == "trust"]
        self.regional = [r[0] for r in orgs if r[1] in ("icb", "network")]
        if not self.trusts or not self.products:
            raise SystemExit("make-corpus: dictionaries/ holds no trusts or no products")


# ---------------------------------------------------------------------------------- trust profiles

class System:
    """One clinical AI product at one trust, as every reply from that trust describes it."""
    def __init__(self, product, status, start, end, monthly, unit, department, via, recorded):
        self.product, self.status, self.start, self.end = product, status, start, end
        self.monthly, self.unit, self.department, self.via = monthly, unit, department, via
        self.recorded = recorded  # whether the trust counts its use at all


def abbreviation(trust):
    for alias in trust["aliases"]:
        if alias.isalpha() and alias.isupper() and 2 <= len(alias) <= 7:
            return alias
    skip = {"and", "of", "the", "NHS", "Trust", "Foundation", "&"}
    return "".join(w[0] for w in trust["name"].replace(",", "").split() if w not in skip).upper()


def main_site(trust):
    for alias in trust["aliases"]:
        if alias.endswith(("Hospital", "Infirmary")) or " Hospital " in alias:
            return alias
    return "Trust Headquarters"


def town_of(rng, trust):
    first = trust["name"].split()[0].rstrip(",")
    return rng.choice(FALLBACK_TOWNS) if first in NOT_A_TOWN else first


def postcode(rng):
    area = rng.choice(["S", "B", "M", "L", "LS", "BD", "HG", "CO", "NE", "PL", "EX", "OX", "CB",
                       "NR", "LE", "DE", "NG", "SO", "PO", "BN", "TN", "ME", "GL", "BA", "HU"])
    return f"{area}{rng.randint(1, 29)} {rng.randint(1, 9)}{rng.choice(POSTCODE_LETTERS)}{rng.choice(POSTCODE_LETTERS)}"


def weighted_sample(rng, items, weights, k):
    items, weights, chosen = list(items), list(weights), []
    for _ in range(min(k, len(items))):
        i = rng.choices(range(len(items)), weights)[0]
        chosen.append(items.pop(i))
        weights.pop(i)
    return chosen


def random_month(rng, first_year, last_year, last_month=12):
    year = rng.randint(first_year, last_year)
    return year, rng.randint(1, last_month if year == last_year else 12)


def make_system(rng, product, status, regional):
    modality = product["modality"][0] if product["modality"] else ""
    low, high, units = VOLUMES.get(modality, VOLUMES[""])
    start = end = None
    if status == "in_use":
        start = random_month(rng, 2019, 2024, 6)
    elif status == "pilot":
        start = random_month(rng, 2023, 2024, 8)
        end = (start[0] + 1, start[1])
    elif status == "decommissioned":
        start = random_month(rng, 2019, 2021)
        end = random_month(rng, 2022, 2024, 6)
    elif status == "procurement":
        end = random_month(rng, 2025, 2025, 9)
    department = rng.choice(DEPARTMENTS.get(product["subspecialty"], DEPARTMENTS["General"]))
    via = rng.choice(regional) if rng.random() < 0.35 else None
    return System(product, status, start, end, rng.randint(low, high), rng.choice(units), department, via,
                  rng.random() < 0.8)


class Profile:
    """What a trust's replies all say: its systems, tools, policy, officer and house style."""
    def __init__(self, dicts, trust, seed):
        rng = random.Random(f"{seed}:trust:{trust['name']}")
        self.trust, self.name = trust, trust["name"]
        self.abbr = abbreviation(trust)
        self.uses_ai = rng.random() < USES_AI_CHANCE[trust["cohort"]]
        self.systems = self.choose_systems(rng, dicts)
        self.tools = rng.sample(dicts.tools, rng.choice([0, 0, 0, 1, 1, 2]))
        self.policy = rng.choice(["none", "none", "drafting", "attached", "published", "withheld_s43",
                                  "minutes_s40", "network", "minutes_s36"])
        self.group = rng.choice(GROUPS)
        self.refusal_chance = 0.25 if trust["cohort"] == "silent" else 0.06
        self.officer = (f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}", rng.choice(FOI_ROLES))
        self.team = rng.choice(TEAMS)
        self.site = main_site(trust)
        street = rng.choice(STREETS)
        self.street = f"{rng.randint(1, 200)} {street}" if rng.random() < 0.3 else street
        self.town, self.postcode = town_of(rng, trust), postcode(rng)
        self.phone = f"01{rng.randint(100, 999)} {rng.randint(100000, 999999)}"
        domain = trust["domains"][0] if trust["domains"] else None
        self.domain = domain or "nhs.net"
        self.email = f"foi@{domain}" if domain else f"{self.abbr.lower()}.foi@nhs.net"
        self.ref_style = rng.randrange(8)
        self.date_style = rng.randrange(4)
        self.question_style = rng.randrange(4)
        self.bullet = rng.choice(["- ", "* ", "o ", ""])
        self.letter_upper = rng.random() < 0.3

    def choose_systems(self, rng, dicts):
        weights = [4 if p["in_study"] else 1 for p in dicts.products]
        if self.uses_ai:
            count = rng.choice([1, 1, 2, 2, 2, 3, 3, 4, 5, 6])
            statuses = [s for s, w in STATUS_WEIGHTS for _ in range(w)]
            chosen = [(p, rng.choice(statuses)) for p in weighted_sample(rng, dicts.products, weights, count)]
            if not any(status in ("in_use", "pilot") for _, status in chosen):
                chosen[0] = (chosen[0][0], "in_use")
        elif rng.random() < 0.3:
            # Trusts with no clinical AI in use often mention one they are buying or have stopped.
            chosen = [(weighted_sample(rng, dicts.products, weights, 1)[0],
                       rng.choice(["procurement", "decommissioned", "evaluation"]))]
        else:
            chosen = []
        return [make_system(rng, p, status, dicts.regional) for p, status in chosen]

    def active(self):
        return [s for s in self.systems if s.status in ("in_use", "pilot")]

    def reference(self, number):
        return [f"FOI 24-{number}", f"FOI/24/{number}", f"FOI-2024-{number}", f"{self.abbr} FOI {number}",
                f"FOI {number}", f"FOI 24-25-{number}", f"2024-FOI-{number}",
                f"FOI {self.abbr}-24-{number}"][self.ref_style]

    def date_text(self, day):
        if self.date_style == 0:
            return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
        if self.date_style == 1:
            return f"{day.day}{ordinal_suffix(day.day)} {MONTHS[day.month - 1]} {day.year}"
        if self.date_style == 2:
            return f"{day.day:02d}/{day.month:02d}/{day.year}"
        return f"{day.day:02d}.{day.month:02d}.{day.year % 100:02d}"


def ordinal_suffix(day):
    if 11 <= day <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def month_year(ym):
    return f"{MONTHS[ym[1] - 1]} {ym[0]}"


# ---------------------------------------------------------------------------------- names and figures

def vendor_name(rng, vendor, dicts):
    aliases = dicts.vendor_aliases.get(vendor, [])
    return rng.choice(aliases) if aliases and rng.random() < 0.3 else vendor


def product_name(rng, product):
    return rng.choice(product["aliases"]) if product["aliases"] and rng.random() < 0.35 else product["name"]


def system_name(rng, system, dicts):
    """The product as one reply writes it: canonical, alias, with or without the vendor."""
    product = system.product
    r = rng.random()
    if r < 0.35:
        return product_name(rng, product)
    if r < 0.65:
        return f"{vendor_name(rng, product['vendor'], dicts)} {product_name(rng, product)}"
    if r < 0.85:
        return f"{product_name(rng, product)} ({vendor_name(rng, product['vendor'], dicts)})"
    return vendor_name(rng, product["vendor"], dicts)


def purpose(system):
    name = system.product["name"]
    for keywords, text in PURPOSE_KEYWORDS:
        if any(k in name for k in keywords):
            return text
    return PURPOSE_BY_SUBSPECIALTY.get(system.product["subspecialty"], "clinical decision support")


def approx(value):
    """value rounded to two significant figures, as people quote estimates."""
    if value < 100:
        return max(1, round(value, -1) or value)
    digits = len(str(int(value))) - 2
    return int(round(value, -digits))


def grouped(value, rng):
    return f"{value:,}" if rng.random() < 0.75 else str(value)


def usage_phrase(rng, system):
    """A usage figure in one of the many ways replies give them."""
    monthly, unit = system.monthly, system.unit
    form = rng.randrange(10)
    if form == 0:
        return f"approximately {grouped(approx(monthly), rng)} {unit} per month"
    if form == 1:
        return f"around {grouped(approx(monthly), rng)} {unit} a month"
    if form == 2:
        weekly = max(1, monthly * 12 // 52)
        step = 10 if weekly < 100 else 100
        low = max(step, weekly // step * step)
        return f"between {grouped(low, rng)} and {grouped(low + step, rng)} {unit} a week"
    if form == 3:
        return f"c. {grouped(approx(monthly * 12), rng)} a year"
    if form == 4:
        return f"{grouped(monthly * 12 + rng.randint(-50, 50), rng)} {unit} in the last 12 months"
    if form == 5:
        return f"{grouped(monthly * 12 + rng.randint(-80, 80), rng)} {unit} (September 2023 - August 2024)"
    if form == 6:
        return f"on average {max(1, monthly // 30)} {unit} per day"
    if form == 7:
        return f"{monthly} {unit} per month on average"
    if form == 8 and system.start:
        months = max(1, (2024 - system.start[0]) * 12 + 9 - system.start[1])
        return f"{grouped(monthly * months, rng)} {unit} since go-live in {month_year(system.start)}"
    return f"{grouped(monthly * 6 + rng.randint(-30, 30), rng)} {unit} between March and August 2024"


def short_usage(rng, system):
    """A figure short enough for a table cell."""
    return rng.choice([f"c. {grouped(approx(system.monthly), rng)} per month",
                       f"{grouped(system.monthly * 12, rng)} per year",
                       f"~{approx(system.monthly)}/month",
                       f"{grouped(system.monthly, rng)} {system.unit} a month"])


def status_label(system):
    return {"in_use": "In use", "pilot": "Pilot", "procurement": "Procurement",
            "decommissioned": "Decommissioned", "evaluation": "Evaluation"}[system.status]


def system_sentence(rng, system, dicts):
    """One line of the answer to question 2, saying what the system is and where it stands."""
    name, dept, use = system_name(rng, system, dicts), system.department, purpose(system)
    via = f" through the {system.via}" if system.via else ""
    if system.status == "in_use":
        return rng.choice([
            f"{name} - {dept}",
            f"{name}, used in {dept} for {use}",
            f"{name} ({use}) - in use since {month_year(system.start)}",
            f"{name}: {use}. Went live in {month_year(system.start)}{via}.",
            f"{name} - {use}; introduced {system.start[0]}{via}",
        ])
    if system.status == "pilot":
        return rng.choice([
            f"{name} - currently being piloted in {dept} (pilot started {month_year(system.start)})",
            f"{name} - trial in {dept} for {use}, due to end {month_year(system.end)}",
            f"{name} is being piloted in {dept}{via}; it is not yet part of routine care",
        ])
    if system.status == "procurement":
        return rng.choice([
            f"{name} - business case approved and procurement in progress; not yet in clinical use",
            f"The Trust is procuring {name}{via} for {use}; go-live is expected in {month_year(system.end)}",
        ])
    if system.status == "decommissioned":
        return rng.choice([
            f"{name} was used from {month_year(system.start)} to {month_year(system.end)} and has since been decommissioned",
            f"{name} - contract ended {month_year(system.end)}, no longer in use",
        ])
    return f"{name} - under evaluation for {use} (not used for patient care)"


def tool_sentence(rng, tool):
    name = tool["product"] or tool["vendor"]
    if tool["aliases"] and rng.random() < 0.3:
        name = rng.choice(tool["aliases"])
    what = {"dictation": "dictation", "transcription": "transcription of clinical letters",
            "ambient_scribe": "ambient note taking in outpatient clinics",
            "patient_video": "patient information videos", "office_copilot": "office productivity",
            "automation": "back-office process automation", "chatbot": "patient enquiries",
            "clinical_coding": "clinical coding"}.get(tool["category"], "administrative tasks")
    return rng.choice([
        f"The Trust also uses {name} for {what}. This is not used to diagnose or treat patients.",
        f"For completeness, {name} is used for {what}; we do not consider this to be clinical AI.",
        f"{name} ({what}) is in use but falls outside the scope of your request.",
    ])


# ---------------------------------------------------------------------------------- reply content
#
# A reply is a list of blocks, rendered differently for PDF, DOCX, e-mail and HTML:
# ("h", text) heading, ("p", text) paragraph, ("l", text) line of a block such as a signature,
# ("li", text) list item, ("table", header, rows).

class Reply:
    """Everything one reply file says, fixed before it is rendered in any format."""
    def __init__(self, rng, dicts, profile, number):
        self.rng, self.dicts, self.profile = rng, dicts, profile
        self.ref = profile.reference(1000 + number)
        self.date = reply_date(rng)
        self.kind = self.choose_kind(rng, profile)
        self.late = self.date > REQUEST_DATE + datetime.timedelta(days=28)
        # A terse reply answers by number without restating the questions, and fits on one page.
        self.terse = rng.random() < 0.4

    @staticmethod
    def choose_kind(rng, profile):
        if profile.active() and rng.random() < profile.refusal_chance:
            return "refusal"
        return "internal_review" if rng.random() < 0.04 else "response"


def reply_date(rng):
    """A working day between a week and four months after the request."""
    day = REQUEST_DATE + datetime.timedelta(days=rng.randint(7, 130))
    while day.weekday() >= 5:
        day += datetime.timedelta(days=1)
    return day


def bullets(reply, items):
    style = reply.profile.bullet
    return [("li", f"{style}{item}" if style else f"{chr(97 + i)}) {item}") for i, item in enumerate(items)]


def question_and_answer(reply, index, answer):
    """The question restated in the trust's style, then its answer; terse replies only number it."""
    style = 3 if reply.terse else reply.profile.question_style
    text = QUESTIONS[index]
    if style == 0:
        return [("h", f"Question {index + 1}: {text}")] + answer
    if style == 1:
        return [("h", f"Q{index + 1}. {text}")] + answer
    if style == 2:
        return [("h", f"{index + 1}. {text}")] + answer
    if answer and answer[0][0] == "p":
        return [("p", f"{index + 1}. {answer[0][1]}")] + answer[1:]
    return [("p", f"{index + 1}.")] + answer


def answer_q1(reply):
    rng, active = reply.rng, reply.profile.active()
    if active:
        return [("p", rng.choice(["Yes.", "Yes", "Yes. The Trust can confirm that it uses clinical AI systems.",
                                  "Yes - please see our response to question 2."]))]
    lines = [rng.choice([
        "No.", "No, the Trust does not currently use any clinical AI systems in diagnosing or treating patients.",
        "We do not use any AI in diagnosing or treating patients.",
        "The Trust can confirm that it does not use clinical AI.", "Not at present.",
        "No. There are no clinical AI systems in use at the Trust."])]
    for system in reply.profile.systems:
        lines.append(system_sentence(rng, system, reply.dicts) + ".")
    return [("p", " ".join(lines))]


def answer_q2(reply):
    rng, profile = reply.rng, reply.profile
    if not profile.systems:
        blocks = [("p", rng.choice(["Not applicable.", "N/A - please see the response to question 1.",
                                    "Not applicable as no clinical AI systems are in use."]))]
    elif rng.random() < 0.3:
        blocks = [("p", "The systems are listed in the table below.")] + [systems_table(reply)]
    else:
        blocks = [("p", rng.choice(["The Trust uses the following:", "Please see below:",
                                    "The following systems are in use or being evaluated:",
                                    "The Trust uses the following in clinical decision support capacities:"]))]
        blocks += bullets(reply, [system_sentence(rng, s, reply.dicts) for s in profile.systems])
    for tool in profile.tools:
        blocks.append(("p", tool_sentence(rng, tool)))
    return blocks


def systems_table(reply):
    rng, dicts = reply.rng, reply.dicts
    rows = []
    for s in reply.profile.systems:
        usage = short_usage(rng, s) if s.status in ("in_use", "pilot") and s.recorded else "Not held"
        rows.append([vendor_name(rng, s.product["vendor"], dicts), product_name(rng, s.product),
                     s.department.replace("the ", "").capitalize()[:28], status_label(s), usage])
    return ("table", ["Vendor", "Product", "Area", "Status", "Usage"], rows)


def answer_q3(reply):
    rng, profile = reply.rng, reply.profile
    active = profile.active()
    if not active:
        return [("p", rng.choice(["Not applicable.", "We do not hold this information.",
                                  "Not applicable - please see the response to question 1."]))]
    if not any(s.recorded for s in active):
        return [("p", rng.choice([
            "We do not hold this information. Usage of these systems is not recorded centrally.",
            "The Trust does not hold reports on usage frequency.",
            "This information is not held in a reportable format. Under section 1(1)(a) of the Act we "
            "confirm that the Trust does not hold the information requested."]))]
    blocks = []
    for s in active:
        name = system_name(rng, s, reply.dicts)
        if not s.recorded:
            blocks.append(("p", f"Usage of {name} is not recorded by the Trust; we do not hold this information."))
            continue
        blocks.append(("p", rng.choice([
            f"{name} was used for {usage_phrase(rng, s)}.",
            f"{name}: {usage_phrase(rng, s)}.",
            f"In {s.department}, {name} was used for {usage_phrase(rng, s)}.",
            f"The department reports {usage_phrase(rng, s)} analysed by {name}.",
        ])))
    return blocks


def answer_q4(reply):
    rng, profile = reply.rng, reply.profile
    domain = profile.domain if profile.domain != "nhs.net" else f"{profile.abbr.lower()}.nhs.uk"
    text = {
        "none": rng.choice(["The Trust does not have a clinical AI policy. We do not hold this information.",
                            "No policy specific to clinical AI is held. New technologies are approved "
                            f"through {profile.group}, whose minutes do not discuss AI systems specifically."]),
        "drafting": "The Trust is drafting an Artificial Intelligence policy, which is expected to be approved in "
                    "early 2025. The draft is intended for future publication and is exempt under section 22 "
                    "of the Act; the public interest favours publishing the approved version.",
        "attached": f"Please find attached the Trust's {rng.choice(POLICY_TITLES)}. Approval of clinical AI "
                    f"products is overseen by {profile.group}.",
        "published": "This information is reasonably accessible to you by other means and is therefore exempt "
                     f"under section 21. It is published at https://www.{domain}/about-us/policies",
        "withheld_s43": "The Trust holds procurement evaluation documents and business cases relating to AI "
                        "products. This information is exempt under section 43(2) (commercial interests), as "
                        "disclosure would be likely to prejudice the commercial interests of the Trust and of "
                        "the suppliers concerned. Having considered the public interest, we consider that the "
                        "public interest in maintaining the exemption outweighs that in disclosure.",
        "minutes_s40": f"Extracts from the minutes of {profile.group} are attached. The names of staff below "
                       "Band 8a have been redacted under section 40(2) (personal information).",
        "network": rng.choice(["Clinical AI products are selected and funded through our regional network, "
                               f"{rng.choice(reply.dicts.regional)}. The Trust does not hold its own policy.",
                               "Approval takes place at integrated care board level; please contact the ICB."]),
        "minutes_s36": f"Minutes of {profile.group} are withheld under section 36(2)(b), as their disclosure "
                       "would be likely to inhibit the free and frank exchange of views for the purposes of "
                       "deliberation.",
    }[profile.policy]
    return [("p", text)]


def section12_blocks(reply):
    hours = reply.rng.choice([24, 30, 40, 60, 100])
    return [("p", "The Trust does not hold a central register of AI functionality. AI features are embedded in "
                  "a large number of clinical systems and imaging devices, and to identify each system and "
                  "extract usage data staff would need to contact every directorate and review supplier "
                  f"documentation and system logs. We estimate this would take in excess of {hours} hours."),
            ("p", "Section 12(1) of the Freedom of Information Act 2000 does not oblige a public authority to "
                  "comply with a request if the authority estimates that the cost of complying would exceed "
                  "the appropriate limit. The appropriate limit for the Trust is \u00a3450, which represents "
                  "18 hours of work at \u00a325 per hour. This part of your request is therefore refused under "
                  "section 12."),
            ("p", "Under section 16 (advice and assistance) you may wish to narrow your request, for example "
                  "to a single specialty such as radiology.")]


def intro_blocks(reply):
    rng = reply.rng
    received = rng.choice(["18 September 2024", "18/09/2024", "18th September 2024"])
    blocks = [("p", rng.choice([
        f"Thank you for your request for information received by the Trust on {received}. Please find our response below.",
        f"I write in response to your request for information under the Freedom of Information Act 2000, which we received on {received}.",
        f"Further to your Freedom of Information request dated {received}, please find the Trust's response below. "
        "Your questions are restated in bold for reference.",
        f"We have now considered your request for information received on {received} regarding clinical artificial "
        "intelligence (AI) systems.",
    ]))]
    if reply.late:
        blocks.append(("p", rng.choice(["Please accept our apologies for the delay in responding.",
                                        "We apologise for the delay in providing this response."])))
    return blocks


def response_body(reply):
    """The answers to the four questions, in the trust's style."""
    if reply.kind == "refusal":
        return refusal_body(reply)
    if reply.kind == "internal_review":
        return internal_review_body(reply)
    blocks = []
    for index, answer in enumerate([answer_q1, answer_q2, answer_q3, answer_q4]):
        blocks += question_and_answer(reply, index, answer(reply))
    return blocks


def refusal_body(reply):
    blocks = question_and_answer(reply, 0, answer_q1(reply))
    blocks += [("h", "Questions 2 and 3"), *section12_blocks(reply)]
    blocks += question_and_answer(reply, 3, answer_q4(reply))
    return blocks


def internal_review_body(reply):
    rng = reply.rng
    outcome = rng.choice(["upheld", "partially upheld", "not upheld"])
    blocks = [("p", f"You asked for an internal review of our response to your request, on "
                    f"{reply.profile.date_text(reply.date - datetime.timedelta(days=rng.randint(10, 40)))}. "
                    f"The review was carried out by a senior manager who was not involved in the original "
                    f"response. Your complaint has been {outcome}.")]
    if outcome != "not upheld" and reply.profile.systems:
        blocks.append(("p", "We are now able to provide the following information:"))
        blocks += bullets(reply, [system_sentence(rng, s, reply.dicts) for s in reply.profile.systems])
        blocks += answer_q3(reply)
    else:
        blocks.append(("p", "The reviewer is satisfied that the original response was correct and that the "
                            "exemptions were properly applied."))
    return blocks


def appeal_blocks(reply, count):
    rng, profile = reply.rng, reply.profile
    paragraphs = [
        "If you are dissatisfied with the handling of your request, you have the right to ask for an internal "
        "review. Internal review requests should be submitted within two months of the date of receipt of the "
        f"response to your original request and should be addressed to: {profile.email}",
        "If you are not content with the outcome of the internal review, you have the right to apply directly to "
        "the Information Commissioner's Office (ICO) for a decision. The ICO can be contacted at: Information "
        "Commissioner's Office, Wycliffe House, Water Lane, Wilmslow, Cheshire, SK9 5AF. Telephone: 0303 123 1113. "
        "Website: www.ico.org.uk",
        "The information provided in this response is accessible to the public and may be published on the "
        "Trust's disclosure log, with your personal details removed.",
        "Most of the information we provide in response to Freedom of Information requests is subject to "
        "copyright protection. It may be re-used under the terms of the Open Government Licence.",
        f"Please quote the reference number {reply.ref} in any future communication about this request.",
    ]
    chosen = paragraphs[:2] + rng.sample(paragraphs[2:], max(0, count - 2))
    return [("p", text) for text in chosen[:max(count, 1)]]


def signature_blocks(reply):
    rng, profile = reply.rng, reply.profile
    blocks = [("p", rng.choice(["Yours sincerely,", "Kind regards,", "Yours faithfully,", "Regards,"]))]
    lines = []
    if not reply.terse and rng.random() < 0.6:
        lines += [profile.officer[0], profile.officer[1]]
    lines += [profile.team, profile.name]
    return blocks + [("l", line) for line in lines]


def letterhead_lines(reply):
    profile = reply.profile
    name = profile.name.upper() if profile.letter_upper else profile.name
    phone = [] if reply.terse else [f"Tel: {profile.phone}"]
    return [name, profile.site, profile.street, f"{profile.town} {profile.postcode}"] + phone + [f"Email: {profile.email}"]


def subject_line(reply):
    return reply.rng.choice([
        "Re: Freedom of Information Act 2000 - Request for Information: Clinical AI",
        f"Freedom of Information Request - {reply.ref}",
        "REFUSAL NOTICE - Freedom of Information Act 2000, section 17" if reply.kind == "refusal"
        else "Re: Your request for information - clinical artificial intelligence",
        "INTERNAL REVIEW - Freedom of Information Act 2000" if reply.kind == "internal_review"
        else "Freedom of Information Act 2000: Clinical AI systems",
    ])


# ---------------------------------------------------------------------------------- text layout

class Bold(str):
    """A line set in Helvetica-Bold."""


class Row(tuple):
    """A table row: (cells, x offsets of each cell from the left margin)."""


def wrap(text, width, indent=""):
    """Greedy word wrap; far cheaper than textwrap for the volume of text made here."""
    lines = []
    while len(text) > width:
        cut = text.rfind(" ", 0, width + 1)
        if cut <= len(indent):
            cut = width
        lines.append(text[:cut])
        text = indent + text[cut:].lstrip(" ")
    lines.append(text)
    return lines


def table_lines(header, rows, width):
    """Rows laid out as cells at fixed x offsets, or as labelled lines when they will not fit."""
    widths = [max(len(str(r[i])) for r in [header] + rows) for i in range(len(header))]
    if sum(widths) + 2 * len(widths) > width:
        out = []
        for r in rows:
            out += wrap("; ".join(f"{h}: {c}" for h, c in zip(header, r)), width, "    ")
        return out
    offsets, x = [], 0
    for w in widths:
        offsets.append(x)
        x += w * 5.4 + 12
    return [Row(([str(c) for c in header], offsets, True))] + [Row(([str(c) for c in r], offsets, False)) for r in rows]


def layout(blocks, width=90):
    """PDF lines for blocks: wrapped paragraphs with a blank line after each."""
    lines, previous = [], None
    for block in blocks:
        kind = block[0]
        if previous == "li" and kind != "li":
            lines.append("")
        previous = kind
        if kind == "h":
            lines += [Bold(part) for part in wrap(block[1], width)]
        elif kind == "p":
            lines += wrap(block[1], width) + [""]
        elif kind == "li" or kind == "l":
            lines += wrap(block[1], width, "   " if kind == "li" else "")
        elif kind == "table":
            lines += table_lines(block[1], block[2], width) + [""]
        elif kind == "blank":
            lines.append("")
    if blocks and blocks[-1][0] == "li":
        lines.append("")
    return lines


def plain_text(blocks, width=None):
    """E-mail body text for blocks; width None leaves lines long, as Outlook sends them."""
    out, previous = [], None
    for block in blocks:
        kind = block[0]
        if previous == "li" and kind != "li":
            out.append("")
        previous = kind
        if kind == "table":
            out.append(" | ".join(block[1]))
            out += [" | ".join(str(c) for c in row) for row in block[2]]
            out.append("")
            continue
        text = block[1] if kind != "blank" else ""
        out += wrap(text, width, "   " if kind == "li" else "") if width else [text]
        if kind == "p":
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def html_text(blocks):
    out = ['<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>',
           '<body><div style="font-family:Calibri,Arial,sans-serif;font-size:11pt">']
    for block in blocks:
        kind = block[0]
        if kind == "h":
            out.append(f"<p><b>{xml_escape(block[1])}</b></p>")
        elif kind == "p":
            out.append(f"<p>{xml_escape(block[1])}</p>")
        elif kind == "li":
            out.append(f"<p style=\"margin-left:18pt\">{xml_escape(block[1])}</p>")
        elif kind == "l":
            out.append(f"<p style=\"margin:0\">{xml_escape(block[1])}</p>")
        elif kind == "table":
            cells = "".join(f"<th>{xml_escape(h)}</th>" for h in block[1])
            body = "".join("<tr>" + "".join(f"<td>{xml_escape(str(c))}</td>" for c in r) + "</tr>" for r in block[2])
            out.append(f'<table border="1" cellpadding="3"><tr>{cells}</tr>{body}</table>')
    out.append("</div></body></html>")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------------- PDF

PDF_ESCAPES = str.maketrans({"\\": "\\\\", "(": "\\(", ")": "\\)"})
PAGE_TOP, LEFT, LEADING = 790, 60, 13


def pdf_string(text):
    return "(" + text.translate(PDF_ESCAPES) + ")"


def page_content(lines, footer):
    """The content stream of one page: lines in Helvetica 10 on 13 point leading, and a footer."""
    ops = [f"BT /F1 10 Tf {LEADING} TL {LEFT} {PAGE_TOP} Td"]
    for line in lines:
        if type(line) is Row:
            cells, offsets, header = line
            parts = ["/F2 10 Tf" if header else ""]
            for cell, x in zip(cells, offsets):
                parts.append(f"{x:.0f} 0 Td {pdf_string(cell)} Tj -{x:.0f} 0 Td" if x else f"{pdf_string(cell)} Tj")
            parts.append("/F1 10 Tf T*" if header else "T*")
            ops.append(" ".join(p for p in parts if p))
        elif type(line) is Bold:
            ops.append(f"/F2 10 Tf {pdf_string(line)} Tj /F1 10 Tf T*")
        elif line:
            ops.append(f"{pdf_string(line)} Tj T*")
        else:
            ops.append("T*")
    ops.append(f"ET\nBT /F1 8 Tf {LEFT} 40 Td {pdf_string(footer)} Tj ET\n")
    return "\n".join(ops).encode("latin-1", "replace")


def paginate(lines, per_page):
    return [lines[i:i + per_page] for i in range(0, len(lines), per_page)] or [[]]


def pdf_date(day):
    return f"D:{day.year:04d}{day.month:02d}{day.day:02d}100000+01'00'"


def make_pdf(pages, footers, title, author, day, creator="Microsoft Word for Microsoft 365"):
    """A PDF of text pages; content streams are Flate-compressed, the cross-reference exact."""
    count = len(pages)
    kids = " ".join(f"{6 + 2 * i} 0 R" for i in range(count))
    info = (f"<< /Title {pdf_string(title)} /Author {pdf_string(author)} /Creator {pdf_string(creator)} "
            f"/Producer (Microsoft: Print To PDF) /CreationDate ({pdf_date(day)}) /ModDate ({pdf_date(day)}) >>")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        info.encode("latin-1", "replace"),
    ]
    for i, (lines, footer) in enumerate(zip(pages, footers)):
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {7 + 2 * i} 0 R "
                       f"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> >>".encode())
        stream = zlib.compress(page_content(lines, footer), 6)
        objects.append(b"<< /Filter /FlateDecode /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    chunks, offsets, size = [b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"], [], 15
    for number, body in enumerate(objects, start=1):
        offsets.append(size)
        chunk = b"%d 0 obj\n" % number + body + b"\nendobj\n"
        chunks.append(chunk)
        size += len(chunk)
    file_id = binascii.hexlify(hashlib.md5(title.encode("latin-1", "replace") + author.encode()).digest())
    xref = [b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)]
    xref += [b"%010d 00000 n \n" % off for off in offsets]
    trailer = (b"trailer\n<< /Size %d /Root 1 0 R /Info 5 0 R /ID [<%s> <%s>] >>\nstartxref\n%d\n%%%%EOF\n"
               % (len(objects) + 1, file_id, file_id, size))
    return b"".join(chunks + xref + [trailer])


def letter_sections(reply):
    """The letter's parts, most important first; later parts are dropped if it runs past 2 pages."""
    rng, profile = reply.rng, reply.profile
    addressee = [REQUESTER, rng.choice([f"By email only: {REQUESTER_ADDRESS}", f"By email: {REQUESTER_ADDRESS}",
                                        f"Sent via email to {REQUESTER_ADDRESS}"])]
    dated = [f"Our Ref: {reply.ref}", f"Date: {profile.date_text(reply.date)}"]
    greeting = rng.choice(["Dear Requester,", f"Dear {REQUESTER},", "Dear Sir/Madam,"])
    gap = [] if reply.terse else [""]
    head = letterhead_lines(reply) + [""] + addressee + gap + dated + ["", greeting, ""]
    head += layout([("h", subject_line(reply))]) + [""]
    body = layout(intro_blocks(reply) + response_body(reply))
    closing = layout(signature_blocks(reply))
    appeal = appeal_blocks(reply, 1 if reply.terse else rng.randint(2, 4))
    return head + body, layout(appeal), closing


def letter_pdf(reply):
    """A one- or two-page response letter; returns (bytes, pages)."""
    per_page = reply.rng.randint(50, 55) if reply.terse else reply.rng.randint(45, 55)
    main, appeal, closing = letter_sections(reply)
    lines = main + appeal + closing
    if len(lines) > 2 * per_page:
        lines = main + closing
    lines = lines[:2 * per_page]
    pages = paginate(lines, per_page)
    footers = [f"{reply.profile.name}    {reply.ref}    Page {i + 1} of {len(pages)}" for i in range(len(pages))]
    title = f"{reply.ref} Response"
    return make_pdf(pages, footers, title, reply.profile.name, reply.date), len(pages)


# ---------------------------------------------------------------------------------- policy documents

ACTORS = ["The Trust", "The Chief Clinical Information Officer", "The Clinical Safety Officer",
          "The Data Protection Officer", "The Caldicott Guardian", "Each clinical division",
          "The Digital Services team", "The project lead", "The information asset owner",
          "The Medical Devices Committee", "The Procurement team", "The Chief Nursing Information Officer",
          "Service managers", "Clinical leads", "The Head of Information Governance",
          "The Senior Information Risk Owner", "The Digital Design Authority", "Divisional governance leads",
          "All staff", "The system supplier", "The Chief Medical Officer", "The Director of Digital Services"]
MODALS = ["must ensure that", "is responsible for ensuring that", "will confirm that",
          "should satisfy themselves that", "is expected to demonstrate that", "will make sure that",
          "is accountable for ensuring that", "must be assured that"]
DUTIES = ["a Data Protection Impact Assessment is completed before any new system processes personal data",
          "a clinical safety case is produced in line with DCB0129 and DCB0160",
          "the supplier provides evidence against the Digital Technology Assessment Criteria",
          "the technology carries the appropriate UKCA or CE marking for its intended use",
          "the intended purpose of the software is documented and agreed",
          "the benefits and risks of the technology are recorded in a business case",
          "staff who use the system have received appropriate training",
          "any incident involving the technology is reported on the incident management system",
          "the system is entered on the information asset register",
          "performance is monitored against the outcomes agreed at approval",
          "patients are told when software has supported a decision about their care",
          "an equality impact assessment has been completed",
          "data flows are mapped and approved by the Information Governance team",
          "there is a documented exit strategy should the contract end",
          "the output of the software is reviewed by a suitably qualified clinician",
          "local validation has been carried out on a representative sample of Trust data",
          "the hazard log is kept under review throughout the life of the system",
          "the contract includes appropriate data processing clauses",
          "cyber security assurance has been provided by the supplier",
          "a named clinical lead is identified for each deployment",
          "the version of the algorithm in use is recorded and any update is assessed",
          "bias in the training data has been considered for the local population",
          "a fallback process exists for when the system is unavailable",
          "user access is reviewed and leavers are removed promptly"]
QUALIFIERS = ["", "", "", " before the system goes live", " and that this is recorded in the minutes",
              " at least once a year", " in line with the risk management policy", " as part of the approval process",
              " prior to contract award", " for the lifetime of the product", " and that evidence is retained for audit",
              " before any patient data is shared with the supplier", " within the agreed timescales"]
CONDITIONS = ["a product is classed as a medical device", "a system is to be used in direct patient care",
              "personal data will be processed outside the United Kingdom",
              "the supplier proposes a significant change to the algorithm", "a pilot is proposed",
              "a technology is procured through a regional network or integrated care board",
              "a clinical safety concern is raised", "the intended use of a product changes",
              "the software makes or supports a diagnostic decision",
              "local performance falls below the agreed threshold", "no national framework is available",
              "an existing contract is due for renewal", "a free trial is offered by a supplier",
              "the system will be connected to the electronic patient record"]
ACTIONS = ["seek approval from the Digital Programme Board", "refer the proposal to the Clinical Safety Officer",
           "complete a new Data Protection Impact Assessment", "suspend use of the system until the risk has been assessed",
           "notify the Medicines and Healthcare products Regulatory Agency", "inform the Caldicott Guardian",
           "update the hazard log and clinical safety case", "record the decision on the risk register",
           "present an evaluation report to the relevant governance group",
           "consult the Information Governance Steering Group", "agree an evaluation plan with the clinical lead",
           "escalate the matter to the Medical Director", "obtain written confirmation from the supplier",
           "carry out a post-implementation review"]
SCOPES = ["all permanent and temporary staff", "contractors and volunteers working on behalf of the Trust",
          "all clinical and corporate services", "software used in the diagnosis or treatment of patients",
          "systems procured locally, regionally or nationally", "research projects hosted by the Trust",
          "pilots and evaluations as well as routine services"]
TERMS = [("Artificial intelligence (AI)", "software that performs tasks normally requiring human intelligence, "
          "such as recognising patterns in images"),
         ("Machine learning", "a type of AI in which a model learns from data rather than being explicitly programmed"),
         ("Medical device", "any software or equipment intended by its manufacturer to be used for a medical purpose"),
         ("DTAC", "the Digital Technology Assessment Criteria published by NHS England"),
         ("DPIA", "a Data Protection Impact Assessment under Article 35 of the UK GDPR"),
         ("DCB0129", "the clinical risk management standard for manufacturers of health IT"),
         ("DCB0160", "the clinical risk management standard for organisations deploying health IT"),
         ("Clinical Safety Officer", "a registered clinician trained in clinical risk management"),
         ("Hazard log", "the record of identified hazards, their controls and residual risk"),
         ("Information asset owner", "the senior member of staff accountable for an information asset"),
         ("Large language model", "an AI model trained on text that generates text in response to prompts"),
         ("Intended purpose", "the use for which a product is intended according to its manufacturer")]
HEADINGS = ["Introduction", "Purpose", "Scope", "Definitions", "Duties and Responsibilities",
            "Governance Arrangements", "Assessment of New Digital Technologies", "Clinical Safety",
            "Information Governance and Data Protection", "Procurement", "Implementation and Go-Live",
            "Monitoring and Post-Market Surveillance", "Training", "Equality Impact Assessment",
            "Consultation", "Dissemination and Implementation", "Monitoring Compliance with this Document",
            "Review", "References and Associated Documents"]
MINUTE_VERBS = ["reported that", "noted that", "advised the group that", "confirmed that", "updated the group that"]
MINUTE_TOPICS = ["the DPIA for the new imaging system had been signed off",
                 "the hazard log had been reviewed and no new hazards were identified",
                 "the business case would be presented to the Finance and Performance Committee",
                 "a supplier demonstration had taken place and feedback was positive",
                 "the regional procurement framework had been extended for a further year",
                 "training compliance in the department stood at 87 percent",
                 "two incidents relating to system downtime had been reported and investigated",
                 "the evaluation report was still awaited from the clinical lead",
                 "the contract variation had been agreed with the supplier",
                 "the national guidance on ambient voice technology had been circulated",
                 "the information asset register had been updated"]


ACTION_QUALIFIERS = ["", "", " without delay", " before the system goes live", " within five working days",
                     " and record the outcome", " and inform the clinical lead", " before the next meeting"]
MEETS = ["monthly", "every quarter", "at least twice a year", "every six weeks", "bi-monthly"]
REVIEWS = ["every month", "each quarter", "at least twice a year", "annually", "every three years",
           "at each meeting", "before the contract is renewed"]
MILESTONES = ["contract award", "go-live", "any change to the intended use", "a pilot begins",
              "data is shared with the supplier", "the system is connected to the electronic patient record"]
RELATED = ["Risk Management Policy", "Medical Devices Policy", "Data Protection Policy", "Incident Reporting Policy",
           "Procurement Policy", "Information Security Policy", "Records Management Policy",
           "Clinical Audit Policy", "Research Governance Policy", "Business Case Procedure"]
REPORTS = ["an exception report", "the clinical safety report", "an update on digital projects",
           "the results of post-implementation reviews", "a summary of incidents involving software",
           "the register of approved technologies", "assurance on data protection compliance"]
MINUTE_SUBJECTS = ["the DPIA", "the clinical safety case", "the business case", "the evaluation report",
                   "the hazard log", "the data sharing agreement", "the contract variation", "the equality impact assessment",
                   "integration testing", "the training plan", "the benefits realisation report", "the supplier's DTAC submission"]
MINUTE_PROJECTS = ["for the new PACS", "for the stroke imaging pathway", "for the digital pathology project",
                   "for the chest X-ray triage pilot", "for the ambient voice technology pilot", "for the EPR upgrade",
                   "for the radiotherapy contouring software", "for the teledermatology service",
                   "for the lung health check programme", "for the breast screening evaluation"]
MINUTE_STATES = ["had been signed off", "was still awaited", "would be presented at the next meeting",
                 "had been circulated to members", "had been approved subject to minor amendments",
                 "was delayed pending information from the supplier", "had been escalated to the Digital Programme Board",
                 "was on track", "would need to be revisited following national guidance"]


def lower_first(text):
    return text[0].lower() + text[1:]


def policy_sentence(rng, doc_word):
    """One sentence of governance prose, put together from parts so that pages do not repeat."""
    form = rng.randrange(12)
    if form < 3:
        return f"{rng.choice(ACTORS)} {rng.choice(MODALS)} {rng.choice(DUTIES)}{rng.choice(QUALIFIERS)}."
    if form == 3:
        return (f"Where {rng.choice(CONDITIONS)}, {lower_first(rng.choice(ACTORS))} must "
                f"{rng.choice(ACTIONS)}{rng.choice(ACTION_QUALIFIERS)}.")
    if form == 4:
        return f"This {doc_word} applies to {rng.choice(SCOPES)}."
    if form == 5:
        return f"Compliance will be reviewed by {rng.choice(GROUPS)} {rng.choice(REVIEWS)}."
    if form == 6:
        group, parent = rng.sample(GROUPS, 2)
        return f"{group[0].upper() + group[1:]} reports to {parent} and meets {rng.choice(MEETS)}."
    if form == 7:
        return (f"Concerns about a system should be raised with {lower_first(rng.choice(ACTORS))} and recorded "
                f"on the risk register{rng.choice(ACTION_QUALIFIERS)}.")
    if form == 8:
        return f"Before {rng.choice(MILESTONES)}, {lower_first(rng.choice(ACTORS))} {rng.choice(MODALS)} {rng.choice(DUTIES)}."
    if form == 9:
        group = rng.choice(GROUPS)
        return f"{group[0].upper() + group[1:]} will receive {rng.choice(REPORTS)} {rng.choice(REVIEWS)}."
    if form == 10:
        return f"Staff should read this {doc_word} together with the {rng.choice(RELATED)}."
    return (f"It is the responsibility of {lower_first(rng.choice(ACTORS))} to {rng.choice(ACTIONS)} "
            f"where {rng.choice(CONDITIONS)}.")


def minute_sentence(rng):
    initials = rng.choice("ABCDEFGHJKLMNPRSTW") + rng.choice("ABCDEFGHJKLMNPRSTW")
    r = rng.random()
    if r < 0.25:
        return f"Action: {initials} to {rng.choice(ACTIONS)} by {rng.choice(MONTHS)} {rng.choice([2023, 2024])}."
    if r < 0.4:
        return f"{initials} {rng.choice(MINUTE_VERBS)} {rng.choice(MINUTE_TOPICS)}."
    if r < 0.5:
        return f"The group noted that {rng.choice(DUTIES)} and agreed to {rng.choice(ACTIONS)}."
    return (f"{initials} {rng.choice(MINUTE_VERBS)} {rng.choice(MINUTE_SUBJECTS)} {rng.choice(MINUTE_PROJECTS)} "
            f"{rng.choice(MINUTE_STATES)}.")


def ai_mention(rng, dicts, profile):
    """The odd sentence naming a clinical AI product, as policies and minutes do in passing."""
    if profile.systems and rng.random() < 0.7:
        system = rng.choice(profile.systems)
    else:
        system = make_system(rng, rng.choice(dicts.products), "evaluation", dicts.regional)
    name = system_name(rng, system, dicts)
    forms = [f"For example, {name} was assessed through this process before it was introduced in {system.department}.",
             f"The evaluation of {name} in {system.department} is summarised in Appendix C.",
             f"The group received an update on {name}; the department reports {usage_phrase(rng, system)}.",
             f"{name} remains on the register of approved technologies and is due for review in 2025."]
    if profile.tools and rng.random() < 0.3:
        tool = rng.choice(profile.tools)
        forms.append(f"Tools such as {tool['product'] or tool['vendor']} are administrative and are not covered by "
                     f"the clinical AI approval route.")
    forms.append("The use of generative AI tools such as ChatGPT or Microsoft 365 Copilot with patient-identifiable "
                 "data is not permitted.")
    return rng.choice(forms)


def doc_word_of(title):
    for word, name in (("Policy", "policy"), ("Procedure", "procedure"), ("SOP", "procedure"),
                       ("Framework", "framework")):
        if word in title:
            return name
    return "document"


def policy_paragraph(rng, dicts, profile, doc_word=None):
    """A paragraph of policy prose, or of minutes when doc_word is None."""
    if doc_word is None:
        sentences = [minute_sentence(rng) for _ in range(rng.randint(2, 6))]
    else:
        sentences = [policy_sentence(rng, doc_word) for _ in range(rng.randint(2, 6))]
    if rng.random() < 0.06:
        sentences.insert(rng.randrange(len(sentences) + 1), ai_mention(rng, dicts, profile))
    return " ".join(sentences)


def policy_front_matter(rng, profile, title, version, day):
    author = f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"
    review = day.replace(year=day.year + 3)
    lines = [profile.name, "", Bold(title.upper()), "",
             f"Document reference: {profile.abbr}-POL-{rng.randint(1, 399):03d}",
             f"Version: {version}",
             f"Approved by: {rng.choice(GROUPS)[4:].title()}",
             f"Date approved: {profile.date_text(day)}",
             f"Review date: {profile.date_text(review)}",
             f"Author: {author}, {rng.choice(['Clinical Safety Officer', 'Head of Digital Assurance', 'CCIO', 'IG Manager'])}",
             f"Executive lead: {rng.choice(['Chief Medical Officer', 'Chief Digital Information Officer', 'Director of Nursing'])}",
             "Target audience: All Trust staff", ""]
    return lines


MINUTE_ITEMS = ["Apologies and declarations of interest", "Minutes of the previous meeting", "Matters arising",
                "Digital programme update", "New technologies and AI proposals", "Clinical safety report",
                "Information governance report", "Procurement update", "Risk register", "Any other business"]


def policy_body(rng, dicts, profile, headings, target, doc_word):
    """Numbered sections of policy prose, long enough to fill target lines."""
    lines, per_section = [], max(3, target // (len(headings) * 7))
    for number, heading in enumerate(headings, start=1):
        lines += [Bold(f"{number}. {heading}"), ""]
        terms = rng.sample(TERMS, len(TERMS)) if heading == "Definitions" else []
        for sub in range(1, rng.randint(per_section // 2 + 1, per_section * 3 // 2 + 1) + 1):
            if terms:
                term, meaning = terms.pop()
                text = f"{term}: {meaning}."
            else:
                text = policy_paragraph(rng, dicts, profile, doc_word)
            lines += wrap(f"{number}.{sub} {text}", 90, "     ") + [""]
        if len(lines) >= target:
            break
    return lines


def minutes_body(rng, dicts, profile, day, target):
    """Minutes of a run of monthly meetings, long enough to fill target lines."""
    lines, meeting = [], 0
    while len(lines) < target:
        held = day - datetime.timedelta(days=30 * meeting)
        present = ", ".join(f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}" for _ in range(rng.randint(4, 9)))
        lines += [Bold(f"Meeting held on {profile.date_text(held)}"), ""] + wrap(f"Present: {present}", 90) + [""]
        for number, item in enumerate(MINUTE_ITEMS, start=1):
            lines.append(Bold(f"{number}. {item}"))
            for _ in range(rng.randint(1, 3)):
                lines += wrap(policy_paragraph(rng, dicts, profile), 90) + [""]
        meeting += 1
    return lines


def minutes_front_matter(rng, profile, title, day):
    chair = f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"
    return [profile.name, "", Bold(title.upper()), "",
            f"Chair: {chair}, {rng.choice(['Chief Medical Officer', 'CCIO', 'Deputy Medical Director'])}",
            f"Meetings held via Microsoft Teams up to {profile.date_text(day)}",
            "Status: approved minutes (redacted for publication)", ""]


def policy_pdf(rng, dicts, profile):
    """A 10-40 page policy, procedure or minutes document; returns (bytes, pages, title, version)."""
    title = rng.choice(POLICY_TITLES)
    version = f"{rng.randint(1, 4)}.{rng.randint(0, 9)}"
    day = datetime.date(rng.choice([2022, 2023, 2024]), rng.randint(1, 12), rng.randint(1, 28))
    per_page = rng.randint(45, 55)
    page_count = rng.randint(10, 40)
    # The last page is partly filled, so that page count and line count agree exactly.
    target = (page_count - 1) * per_page + rng.randint(5, per_page)
    if "Minutes" in title:
        lines = minutes_front_matter(rng, profile, title, day)
        lines += minutes_body(rng, dicts, profile, day, target)
    else:
        doc_word = doc_word_of(title)
        lines = policy_front_matter(rng, profile, title, version, day)
        headings = [HEADINGS[0]] + sorted(rng.sample(HEADINGS[1:], rng.randint(8, 14)), key=HEADINGS.index)
        lines += [Bold("Contents")] + [f"{i + 1}. {h}" for i, h in enumerate(headings)] + [""]
        lines += policy_body(rng, dicts, profile, headings, target, doc_word)
        appendix = 0
        while len(lines) < target:
            lines += [Bold(f"Appendix {chr(65 + appendix % 26)}: {rng.choice(HEADINGS[4:])} - supplementary guidance"), ""]
            lines += policy_body(rng, dicts, profile, ["Overview", "Process", "Records"], target - len(lines), doc_word)[2:]
            appendix += 1
    pages = paginate(lines[:target], per_page)
    footer = f"{title} v{version}    Uncontrolled when printed"
    footers = [f"{footer}    Page {i + 1} of {len(pages)}" for i in range(len(pages))]
    return make_pdf(pages, footers, title, profile.name, day), len(pages), title, version


# ---------------------------------------------------------------------------------- zip, DOCX, XLSX

ZIP_TIME, ZIP_DATE = 0x4800, 0x5941  # 2024-10-01 09:00, so that zips are reproducible
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def make_zip(entries):
    """A deflated zip of (name, bytes) entries with fixed timestamps."""
    out, central = bytearray(), bytearray()
    for name, data in entries:
        name = name.encode("utf-8")
        c = zlib.compressobj(6, zlib.DEFLATED, -15)
        packed = c.compress(data) + c.flush()
        header = struct.pack("<HHHHHIIIHH", 20, 0, 8, ZIP_TIME, ZIP_DATE, zlib.crc32(data), len(packed),
                             len(data), len(name), 0)
        offset = len(out)
        out += b"PK\x03\x04" + header + name + packed
        central += (b"PK\x01\x02" + struct.pack("<H", 0x0314) + header
                    + struct.pack("<HHHII", 0, 0, 0, 0o100644 << 16, offset) + name)
    end = struct.pack("<HHHHIIH", 0, 0, len(entries), len(entries), len(central), len(out), 0)
    return bytes(out + central + b"PK\x05\x06" + end)


def core_properties(title, creator, day):
    stamp = f"{day.isoformat()}T09:00:00Z"
    return (XML_HEAD + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{xml_escape(title)}</dc:title><dc:creator>{xml_escape(creator)}</dc:creator>"
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified></cp:coreProperties>').encode()


def package_rels(main_target):
    return (XML_HEAD + f'<Relationships xmlns="{RELS_NS}">'
            f'<Relationship Id="rId1" Type="{DOC_REL}/officeDocument" Target="{main_target}"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" '
            'Target="docProps/core.xml"/></Relationships>').encode()


def content_types(overrides):
    parts = "".join(f'<Override PartName="{p}" ContentType="{t}"/>' for p, t in overrides)
    return (XML_HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>' + parts +
            '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
            "</Types>").encode()


def docx_paragraph(text, bold=False, indent=False):
    props = ('<w:pPr><w:ind w:left="360"/></w:pPr>' if indent else "")
    run_props = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:p>{props}<w:r>{run_props}<w:t xml:space="preserve">{xml_escape(text)}</w:t></w:r></w:p>'


def docx_table(header, rows):
    def row(cells, bold):
        return "<w:tr>" + "".join(f'<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/></w:tcPr>{docx_paragraph(str(c), bold)}</w:tc>'
                                  for c in cells) + "</w:tr>"
    borders = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                      for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    return (f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders>{borders}</w:tblBorders></w:tblPr>'
            + row(header, True) + "".join(row(r, False) for r in rows) + "</w:tbl>")


def make_docx(blocks, title, creator, day):
    body = []
    for block in blocks:
        kind = block[0]
        if kind == "table":
            body.append(docx_table(block[1], block[2]))
        elif kind != "blank":
            body.append(docx_paragraph(block[1], bold=kind == "h", indent=kind == "li"))
    document = (XML_HEAD + '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
                + "".join(body) + '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>')
    types = content_types([("/word/document.xml",
                            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")])
    return make_zip([("[Content_Types].xml", types), ("_rels/.rels", package_rels("word/document.xml")),
                     ("docProps/core.xml", core_properties(title, creator, day)),
                     ("word/document.xml", document.encode("utf-8"))])


def column_letter(index):
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def make_xlsx(rows, sheet_name, title, creator, day, shared):
    """A one-sheet workbook; strings inline or in a shared-strings part, numbers as numbers."""
    strings, index, xml_rows = [], {}, []
    for r, row in enumerate(rows, start=1):
        cells = []
        for c, value in enumerate(row):
            if value is None or value == "":
                continue
            ref = f"{column_letter(c)}{r}"
            if isinstance(value, int):
                cells.append(f'<c r="{ref}"><v>{value}</v></c>')
            elif shared:
                if value not in index:
                    index[value] = len(strings)
                    strings.append(value)
                cells.append(f'<c r="{ref}" t="s"><v>{index[value]}</v></c>')
            else:
                cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{xml_escape(value)}</t></is></c>')
        xml_rows.append(f'<row r="{r}">{"".join(cells)}</row>')
    main_ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    sheet = (XML_HEAD + f'<worksheet xmlns="{main_ns}"><sheetData>' + "".join(xml_rows) + "</sheetData></worksheet>")
    workbook = (XML_HEAD + f'<workbook xmlns="{main_ns}" xmlns:r="{DOC_REL}"><sheets>'
                f'<sheet name="{xml_escape(sheet_name)}" sheetId="1" r:id="rId1"/></sheets></workbook>')
    rels = [f'<Relationship Id="rId1" Type="{DOC_REL}/worksheet" Target="worksheets/sheet1.xml"/>']
    overrides = [("/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
                 ("/xl/worksheets/sheet1.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml")]
    entries = []
    if shared:
        rels.append(f'<Relationship Id="rId2" Type="{DOC_REL}/sharedStrings" Target="sharedStrings.xml"/>')
        overrides.append(("/xl/sharedStrings.xml",
                          "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"))
        sst = (XML_HEAD + f'<sst xmlns="{main_ns}" count="{len(strings)}" uniqueCount="{len(strings)}">'
               + "".join(f"<si><t xml:space=\"preserve\">{xml_escape(s)}</t></si>" for s in strings) + "</sst>")
        entries.append(("xl/sharedStrings.xml", sst.encode("utf-8")))
    workbook_rels = XML_HEAD + f'<Relationships xmlns="{RELS_NS}">' + "".join(rels) + "</Relationships>"
    return make_zip([("[Content_Types].xml", content_types(overrides)), ("_rels/.rels", package_rels("xl/workbook.xml")),
                     ("docProps/core.xml", core_properties(title, creator, day)),
                     ("xl/workbook.xml", workbook.encode()), ("xl/_rels/workbook.xml.rels", workbook_rels.encode()),
                     ("xl/worksheets/sheet1.xml", sheet.encode("utf-8"))] + entries)


def figures_rows(reply):
    """The spreadsheet a trust sends: a header, one row per system, and a monthly breakdown."""
    rng, profile = reply.rng, reply.profile
    rows = [["Trust", profile.name], ["FOI reference", reply.ref],
            ["Response date", profile.date_text(reply.date)], []]
    unit_heading = rng.choice(["Scans per month", "Usage per month", "Studies per month", "Average monthly use"])
    if not profile.systems:
        rows += [["Question", "Response"]]
        for index, answer in enumerate([answer_q1, answer_q2, answer_q3, answer_q4]):
            text = " ".join(b[1] for b in answer(reply) if b[0] in ("p", "li"))
            rows.append([f"Q{index + 1}", text])
        return rows
    rows.append(["System", "Vendor", "Status", unit_heading, "Go-live"])
    for s in profile.systems:
        used = s.status in ("in_use", "pilot") and s.recorded
        rows.append([product_name(rng, s.product), vendor_name(rng, s.product["vendor"], reply.dicts),
                     status_label(s), s.monthly if used else "Not held",
                     month_year(s.start) if s.start else ""])
    active = [s for s in profile.active() if s.recorded][:4]
    if active and rng.random() < 0.6:
        rows += [[], ["Month"] + [s.product["name"] for s in active]]
        for i in range(12):
            month, year = (8 + i) % 12 + 1, 2023 + (8 + i) // 12
            rows.append([f"{MONTHS[month - 1][:3]}-{year % 100}"]
                        + [max(0, s.monthly + rng.randint(-s.monthly // 5, s.monthly // 5)) for s in active])
    rows += [[], ["Notes", rng.choice(["Figures taken from the PACS audit log.", "Figures supplied by the supplier.",
                                       "Usage is not recorded for systems marked Not held.",
                                       "Counts are studies processed, not patients."])]]
    return rows


def csv_text(rows):
    def cell(value):
        text = str(value)
        return '"' + text.replace('"', '""') + '"' if any(ch in text for ch in ',"\n') else text
    width = max(len(r) for r in rows)
    return "".join(",".join(cell(v) for v in r + [""] * (width - len(r))) + "\r\n" for r in rows)


def reply_document_blocks(reply):
    """The whole reply as blocks, letterhead to signature, for DOCX and HTML."""
    profile = reply.profile
    head = [("p", line) for line in letterhead_lines(reply)]
    head += [("p", f"Our Ref: {reply.ref}"), ("p", f"Date: {profile.date_text(reply.date)}"),
             ("p", reply.rng.choice(["Dear Requester,", f"Dear {REQUESTER},"])), ("h", subject_line(reply))]
    return head + intro_blocks(reply) + response_body(reply) + appeal_blocks(reply, 3) + signature_blocks(reply)


# ---------------------------------------------------------------------------------- e-mail

def rfc_date(day, rng):
    offset = "+0100" if day < datetime.date(2024, 10, 27) else "+0000"
    return (f"{DAYS[day.weekday()]}, {day.day:02d} {MONTHS[day.month - 1][:3]} {day.year} "
            f"{rng.randint(8, 17):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d} {offset}")


def outlook_id(rng):
    return "".join(rng.choice("0123456789ABCDEF") for _ in range(40))


def quoted_request():
    lines = ["", "-----Original Message-----", f"From: {REQUESTER} <{REQUESTER_ADDRESS}>",
             "Sent: Wednesday, September 18, 2024 10:02 AM", "Subject: Freedom of Information request - Clinical AI", "",
             "Dear FOI Team,", "",
             "I am writing to request information concerning the use and evaluation of clinical artificial "
             "intelligence systems within your trust.", ""]
    for i, q in enumerate(QUESTIONS):
        lines += [f"Question {i + 1}: {q}", ""]
    lines += ["Kind regards,", REQUESTER]
    return "\n".join(lines[:6] + ["> " + line if line else ">" for line in lines[6:]]) + "\n"


NHS_DISCLAIMER = ("This message may contain confidential information. If you are not the intended recipient "
                  "please inform the sender that you have received the message in error before deleting it. "
                  "Please do not disclose, copy or distribute information in this e-mail or take any action in "
                  "relation to its contents. To do so is strictly prohibited and may be unlawful.")


def email_body_blocks(reply, attachment_names):
    rng = reply.rng
    blocks = [("p", rng.choice(["Dear Requester,", f"Dear {REQUESTER},", "Good afternoon,", "Hello,"]))]
    letter_attached = any(n.endswith(".pdf") for n in attachment_names)
    if letter_attached and rng.random() < 0.6:
        blocks.append(("p", rng.choice([
            f"Please find attached the Trust's response to your Freedom of Information request (our ref: {reply.ref}).",
            f"Freedom of Information Request - {reply.ref}. Please see the attached response letter.",
            "Please see attached our response to your recent request for information."])))
        if rng.random() < 0.5:
            blocks += [("p", "In summary:")] + answer_q1(reply)
    else:
        blocks.append(("p", f"Please see below the Trust's response to your request (our ref: {reply.ref})."))
        blocks += intro_blocks(reply)[1:] + response_body(reply)
    if any(n.endswith((".xlsx", ".csv")) for n in attachment_names):
        blocks.append(("p", "A breakdown of the figures we hold is in the attached spreadsheet."))
    blocks += appeal_blocks(reply, rng.randint(1, 3))
    blocks += [("p", rng.choice(["Kind regards", "Many thanks", "Best wishes"])),
               ("l", reply.profile.team), ("l", reply.profile.name)]
    return blocks


def header_lines(headers):
    return "".join(f"{name}: {value}\r\n" for name, value in headers)


def crlf(text):
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def text_part(text, subtype, quoted_printable):
    if quoted_printable:
        body = quopri.encodestring(text.encode("utf-8")).decode("ascii")
        encoding, charset = "quoted-printable", "utf-8"
    else:
        body, encoding = text, "7bit" if text.isascii() else "8bit"
        charset = "us-ascii" if text.isascii() else "utf-8"
    return header_lines([("Content-Type", f'text/{subtype}; charset="{charset}"'),
                         ("Content-Transfer-Encoding", encoding)]) + "\r\n" + crlf(body)


def attachment_part(name, data, mime, day):
    encoded = binascii.b2a_base64(data, newline=False).decode("ascii")
    lines = "\r\n".join(encoded[i:i + 76] for i in range(0, len(encoded), 76))
    stamp = f"{DAYS[day.weekday()]}, {day.day:02d} {MONTHS[day.month - 1][:3]} {day.year} 09:00:00 GMT"
    return header_lines([("Content-Type", f'{mime}; name="{name}"'), ("Content-Description", name),
                         ("Content-Disposition", f'attachment; filename="{name}"; size={len(data)};\r\n'
                                                 f'\tcreation-date="{stamp}";\r\n\tmodification-date="{stamp}"'),
                         ("Content-Transfer-Encoding", "base64")]) + "\r\n" + lines + "\r\n"


def multipart(boundary, parts):
    return "".join(f"--{boundary}\r\n{part}\r\n" for part in parts) + f"--{boundary}--\r\n"


MIME_TYPES = {".pdf": "application/pdf", ".csv": "text/csv",
              ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
              ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def email_attachments(reply):
    """1-3 attachments: mostly the letter, often a spreadsheet of figures or a DOCX."""
    rng, ref = reply.rng, reply.ref.replace("/", "-")
    options = []
    if rng.random() < 0.75:
        options.append((f"{ref} Response.pdf", letter_pdf(reply)[0]))
    if reply.profile.systems and rng.random() < 0.5:
        rows = figures_rows(reply)
        if rng.random() < 0.7:
            options.append((f"{ref} Clinical AI usage.xlsx",
                            make_xlsx(rows, "AI systems", f"{ref} figures", reply.profile.team, reply.date, rng.random() < 0.5)))
        else:
            options.append((f"{ref} figures.csv", ("\ufeff" + csv_text(rows)).encode("utf-8")))
    if not options or rng.random() < 0.3:
        options.append((f"{ref} response.docx", make_docx(reply_document_blocks(reply), f"{ref} response",
                                                          reply.profile.team, reply.date)))
    return options


def email_file(reply):
    """A reply e-mail: text body (sometimes with an HTML alternative), then attachments."""
    rng, profile = reply.rng, reply.profile
    attachments = email_attachments(reply)
    blocks = email_body_blocks(reply, [name for name, _ in attachments])
    quoted_printable = rng.random() < 0.35
    text = plain_text(blocks, None if quoted_printable else 76) + "\n" + NHS_DISCLAIMER + "\n"
    if rng.random() < 0.4:
        text += quoted_request()
    body = text_part(text, "plain", quoted_printable)
    tag = outlook_id(rng)
    if rng.random() < 0.4:
        inner = f"_000_{tag}_"
        body = (f'Content-Type: multipart/alternative;\r\n\tboundary="{inner}"\r\n\r\n'
                + multipart(inner, [body, text_part(html_text(blocks), "html", True)]))
    parts = [body] + [attachment_part(name, data, MIME_TYPES[os.path.splitext(name)[1]], reply.date)
                      for name, data in attachments]
    boundary = f"_00{len(attachments) + 2}_{tag}_"
    display = rng.choice([f"FOI Team ({profile.name.upper()})", f"{profile.abbr} FOI", "Freedom of Information",
                          f"{profile.name} FOI"])
    subject = rng.choice([f"RE: FOI request - Clinical AI ({reply.ref})", f"{reply.ref} - response",
                          f"Your FOI request {reply.ref} - response",
                          f"Response to your Freedom of Information request - {reply.ref}"])
    headers = [("From", f'"{display}" <{profile.email}>'), ("To", f"{REQUESTER} <{REQUESTER_ADDRESS}>"),
               ("Subject", subject), ("Thread-Topic", "Freedom of Information request - Clinical AI"),
               ("Date", rfc_date(reply.date, rng)),
               ("Message-ID", f"<{tag}@{tag[:12]}.GBRP265.PROD.OUTLOOK.COM>"),
               ("References", REQUEST_MESSAGE_ID), ("In-Reply-To", REQUEST_MESSAGE_ID),
               ("Accept-Language", "en-GB, en-US"), ("Content-Language", "en-GB"),
               ("X-MS-Has-Attach", "yes"), ("MIME-Version", "1.0"),
               ("Content-Type", f'multipart/mixed;\r\n\tboundary="{boundary}"')]
    message = header_lines(headers) + "\r\n" + multipart(boundary, parts)
    return message.encode("utf-8"), subject


# ---------------------------------------------------------------------------------- file names

def file_name(rng, kind, reply, extra=None):
    """A name like the ones replies arrive under; the reference number makes it unique."""
    ref = reply.ref.replace("/", "-")
    flat = ref.replace(" ", "_")
    if kind == "pdf_letter":
        if reply.kind == "refusal":
            return f"{ref} Refusal Notice.pdf"
        if reply.kind == "internal_review":
            return f"{ref} Internal Review Outcome.pdf"
        return rng.choice([f"{ref} Response.pdf", f"{ref} - Final Response.pdf", f"{ref} response letter.pdf",
                           f"Response {ref}.pdf", f"{flat}_Clinical_AI_response.pdf"])
    if kind == "email":
        subject = extra.replace(":", "_").replace("/", "-")
        return f"{subject}.eml"
    if kind == "policy_pdf":
        title, version = extra
        year = rng.choice([2023, 2024])
        return rng.choice([f"{title} {year} - {ref}.pdf", f"{ref} Appendix A - {title}.pdf",
                           f"{ref} {title} v{version}.pdf"])
    if kind == "docx":
        return rng.choice([f"{ref} response.docx", f"{ref} Clinical AI form - completed.docx",
                           f"{ref} Final Response.docx"])
    if kind == "xlsx":
        return rng.choice([f"{ref} Clinical AI response.xlsx", f"{ref} usage data.xlsx"])
    return f"{ref.replace(' ', '-')}.csv"


# ---------------------------------------------------------------------------------- one file

def kind_of(number):
    kind = KIND_CYCLE[number % len(KIND_CYCLE)]
    if kind == "office":
        kind = OFFICE_CYCLE[(number // len(KIND_CYCLE)) % len(OFFICE_CYCLE)]
    return kind


def make_file(dicts, profiles, seed, number):
    """(kind, file name, bytes, top-level PDF pages, date) for file number `number`."""
    rng = random.Random(f"{seed}:file:{number}")
    trust = rng.choice(dicts.trusts)
    profile = profiles.get(trust["name"])
    if profile is None:
        profile = profiles[trust["name"]] = Profile(dicts, trust, seed)
    reply = Reply(rng, dicts, profile, number)
    kind = kind_of(number)
    pages = 0
    if kind == "pdf_letter":
        data, pages = letter_pdf(reply)
        name = file_name(rng, kind, reply)
    elif kind == "policy_pdf":
        data, pages, title, version = policy_pdf(rng, dicts, profile)
        name = file_name(rng, kind, reply, (title, version))
    elif kind == "email":
        data, subject = email_file(reply)
        name = file_name(rng, kind, reply, subject)
    elif kind == "docx":
        data = make_docx(reply_document_blocks(reply), f"{reply.ref} response", profile.team, reply.date)
        name = file_name(rng, kind, reply)
    elif kind == "xlsx":
        data = make_xlsx(figures_rows(reply), rng.choice(["AI systems", "Sheet1", "FOI response"]),
                         f"{reply.ref} response", profile.team, reply.date, rng.random() < 0.5)
        name = file_name(rng, kind, reply)
    else:
        text = csv_text(figures_rows(reply))
        data = (("\ufeff" if rng.random() < 0.5 else "") + text).encode("utf-8")
        name = file_name(rng, kind, reply)
    return kind, name, data, pages, reply.date


def write_file(path, data, day):
    """Writes data unless the same bytes are already there; other bytes at the path stop the run."""
    if os.path.lexists(path):
        with open(path, "rb") as f:
            if f.read() == data:
                return
        raise SystemExit(f"make-corpus: {path} exists with other content; use another --start or OUT")
    with open(path, "wb") as f:
        f.write(data)
    stamp = datetime.datetime(day.year, day.month, day.day, 12, tzinfo=datetime.timezone.utc).timestamp()
    os.utime(path, (stamp, stamp))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out")
    ap.add_argument("--count", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--start", type=int, default=0)
    ap.add_argument("--list-pdfs", metavar="FILE")
    args = ap.parse_args()
    if args.count < 0 or args.start < 0:
        ap.error("--count and --start must not be negative")
    out = os.path.abspath(args.out)
    if args.list_pdfs and os.path.abspath(args.list_pdfs).startswith(out + os.sep):
        ap.error("--list-pdfs must name a file outside OUT")
    os.makedirs(out, exist_ok=True)
    dicts, profiles, names = Dictionaries(), {}, set()
    by_kind, pdf_pages, total, pdfs = {k: 0 for k in KINDS}, 0, 0, []
    for number in range(args.start, args.start + args.count):
        kind, name, data, pages, day = make_file(dicts, profiles, args.seed, number)
        if name in names:
            raise SystemExit(f"make-corpus: file name {name!r} made twice")
        names.add(name)
        path = os.path.join(out, name)
        write_file(path, data, day)
        by_kind[kind] += 1
        pdf_pages += pages
        total += len(data)
        if name.endswith(".pdf"):
            pdfs.append(path)
    if args.list_pdfs:
        with open(args.list_pdfs, "w", encoding="utf-8") as f:
            f.write("".join(p + "\n" for p in pdfs))
    json.dump({"files": args.count, "by_kind": by_kind, "pdf_pages": pdf_pages, "bytes": total}, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
