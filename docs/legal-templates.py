#!/usr/bin/env python3
"""Writes the built-in document templates (src/main/resources/legal/templates/*.docx).

Plain WordprocessingML written by hand (no Word needed): a header with the partner's name and
address, paragraphs, and a signature table. Run from the repository root after changing a text:
    python3 docs/legal-templates.py
The placeholders are the documented set (docs/legal.md); DocumentTemplatesIT reads every file back.
"""
import os
import zipfile
from xml.sax.saxutils import escape

OUT = "src/main/resources/legal/templates"

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>"""

RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>"""

DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>
</Relationships>"""

STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Liberation Sans" w:hAnsi="Liberation Sans" w:cs="Liberation Sans"/>
<w:sz w:val="22"/><w:lang w:val="sq-XK"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/></w:style>
</w:styles>"""

CORE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:title>{title}</dc:title><dc:creator>Protection Cases</dc:creator></cp:coreProperties>"""

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def run(text, bold=False, size=None, color=None):
    props = ("<w:b/>" if bold else "") + (f'<w:color w:val="{color}"/>' if color else "") + (f'<w:sz w:val="{size}"/>' if size else "")
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(text, style="normal"):
    align = {"title": "center", "center": "center", "right": "right", "justify": "both"}.get(style)
    ppr = f'<w:pPr><w:jc w:val="{align}"/>' + ('<w:spacing w:before="240" w:after="240"/>' if style == "title" else "") + "</w:pPr>" if align else ""
    bold = style in ("title", "bold", "center")
    size = 28 if style == "title" else None
    return f"<w:p>{ppr}{run(text, bold, size) if text else ''}</w:p>"


def table(left, right):
    def cell(lines):
        return ('<w:tc><w:tcPr><w:tcW w:w="4500" w:type="dxa"/></w:tcPr>' + "".join(para(l) for l in lines) + "</w:tc>")
    return ('<w:tbl><w:tblPr><w:tblW w:w="9000" w:type="dxa"/></w:tblPr><w:tblGrid><w:gridCol w:w="4500"/><w:gridCol w:w="4500"/></w:tblGrid>'
            f"<w:tr>{cell(left)}{cell(right)}</w:tr></w:tbl>")


def document(body):
    parts = []
    for item in body:
        if isinstance(item, tuple) and item[0] == "table":
            parts.append(table(item[1], item[2]))
        elif isinstance(item, tuple):
            parts.append(para(item[1], item[0]))
        else:
            parts.append(para(item, "justify"))
    sect = ('<w:sectPr><w:headerReference w:type="default" r:id="rId2"/><w:pgSz w:w="11906" w:h="16838"/>'
            '<w:pgMar w:top="1134" w:right="1247" w:bottom="1134" w:left="1247" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>')
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W}><w:body>{"".join(parts)}{sect}</w:body></w:document>'


HEADER = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr {W}><w:p><w:pPr><w:jc w:val="right"/></w:pPr>'
          + run("{{partner.name}}", True, 20, "555555") + '</w:p><w:p><w:pPr><w:jc w:val="right"/></w:pPr>'
          + run("{{partner.address}}", False, 18, "555555") + "</w:p></w:hdr>")

SIGN = "____________________________"

T = {}

# --- Power of attorney ----------------------------------------------------------------------
T[("power-of-attorney", "sq")] = ("Autorizim", [
    ("title", "AUTORIZIM"),
    "Unë, i/e nënshkruari/a {{person.fullName}}, i/e biri/bija i/e {{person.fatherName}}, i/e lindur më {{person.birthDate}} "
    "në {{person.birthPlace}}, me numër personal {{person.personalNumber}}, me vendbanim në {{person.address}}, "
    "Komuna {{person.municipality}},",
    ("center", "AUTORIZOJ"),
    "avokatin/en {{lawyer.fullName}}, nga {{partner.name}}, {{partner.address}}, që të më përfaqësojë para "
    "{{case.authority}} në lëndën {{case.number}} ({{case.type}}): të paraqesë dhe të pranojë shkresa, të paraqesë "
    "parashtresa, ankesa dhe mjete të tjera juridike, të marrë pjesë në seanca dhe të ndërmarrë të gjitha veprimet e "
    "nevojshme për mbrojtjen e të drejtave dhe interesave të mia.",
    "Ky autorizim vlen deri në përfundimin e plotë të lëndës ose deri në revokimin e tij me shkrim.",
    ("table", ["Data: {{todayLong}}"], ["Autorizuesi/ja:", "", SIGN, "{{person.fullName}}"]),
])
T[("power-of-attorney", "sr")] = ("Ovlašćenje", [
    ("title", "OVLAŠĆENJE"),
    "Ja, dole potpisani/a {{person.fullName}}, sin/ćerka {{person.fatherName}}, rođen/a {{person.birthDate}} u mestu "
    "{{person.birthPlace}}, lični broj {{person.personalNumber}}, sa prebivalištem na adresi {{person.address}}, "
    "opština {{person.municipality}},",
    ("center", "OVLAŠĆUJEM"),
    "advokata/advokatkinju {{lawyer.fullName}}, iz organizacije {{partner.name}}, {{partner.address}}, da me zastupa pred "
    "organom: {{case.authority}} u predmetu {{case.number}} ({{case.type}}): da podnosi i prima pismena, podnosi "
    "podneske, žalbe i druga pravna sredstva, učestvuje na ročištima i preduzima sve radnje potrebne za zaštitu mojih "
    "prava i interesa.",
    "Ovo ovlašćenje važi do pravosnažnog okončanja predmeta ili do njegovog pismenog opoziva.",
    ("table", ["Datum: {{todayLong}}"], ["Vlastodavac:", "", SIGN, "{{person.fullName}}"]),
])
T[("power-of-attorney", "en")] = ("Power of attorney", [
    ("title", "POWER OF ATTORNEY"),
    "I, the undersigned {{person.fullName}}, child of {{person.fatherName}}, born on {{person.birthDate}} in "
    "{{person.birthPlace}}, personal number {{person.personalNumber}}, residing at {{person.address}}, Municipality of "
    "{{person.municipality}},",
    ("center", "HEREBY AUTHORISE"),
    "lawyer {{lawyer.fullName}} of {{partner.name}}, {{partner.address}}, to represent me before {{case.authority}} in "
    "case {{case.number}} ({{case.type}}): to file and receive documents, submit pleadings, appeals and other legal "
    "remedies, attend hearings and take every step needed to protect my rights and interests.",
    "This power of attorney is valid until the case is finally concluded or until I revoke it in writing.",
    ("table", ["Date: {{todayLong}}"], ["Principal:", "", SIGN, "{{person.fullName}}"]),
])

# --- Late registration of birth -------------------------------------------------------------
T[("late-birth-registration", "sq")] = ("Kërkesë për regjistrim të mëvonshëm të lindjes", [
    ("bold", "Zyrës së Gjendjes Civile, Komuna {{person.municipality}}"),
    ("bold", "Lënda: Kërkesë për regjistrim të mëvonshëm të lindjes në librin amë të të lindurve"),
    "Parashtruesi/ja i/e kërkesës: {{person.fullName}}, i/e biri/bija i/e {{person.fatherName}}, i/e lindur më "
    "{{person.birthDate}} në {{person.birthPlace}}, me vendbanim në {{person.address}}, Komuna {{person.municipality}}, "
    "i/e përfaqësuar nga {{lawyer.fullName}}, {{partner.name}}.",
    "Në bazë të Ligjit për Librat Amë, kërkoj që lindja ime të regjistrohet në mënyrë të mëvonshme në librin amë të të "
    "lindurve, sepse deri më tani nuk është regjistruar.",
    "Bashkëngjitur: dëshmitë për lindjen (vërtetim nga spitali ose deklarata të dëshmitarëve), dokumentet e prindërve, "
    "autorizimi.",
    "Ju lutem që për vendimin të njoftohet përfaqësuesi i autorizuar në adresën: {{partner.address}}.",
    "Referenca jonë: {{case.number}}",
    ("table", ["Data: {{todayLong}}"], ["Parashtruesi/ja:", "", SIGN, "{{person.fullName}}", "Përfaqësuesi i autorizuar: {{lawyer.fullName}}"]),
])
T[("late-birth-registration", "sr")] = ("Zahtev za naknadni upis rođenja", [
    ("bold", "Matičnoj službi, opština {{person.municipality}}"),
    ("bold", "Predmet: Zahtev za naknadni upis rođenja u matičnu knjigu rođenih"),
    "Podnosilac zahteva: {{person.fullName}}, sin/ćerka {{person.fatherName}}, rođen/a {{person.birthDate}} u mestu "
    "{{person.birthPlace}}, sa prebivalištem na adresi {{person.address}}, opština {{person.municipality}}, koga/koju "
    "zastupa {{lawyer.fullName}}, {{partner.name}}.",
    "Na osnovu Zakona o matičnim knjigama, molim da se moje rođenje naknadno upiše u matičnu knjigu rođenih, jer do "
    "sada nije upisano.",
    "U prilogu: dokazi o rođenju (potvrda bolnice ili izjave svedoka), dokumenti roditelja, ovlašćenje.",
    "Molim da se o rešenju obavesti ovlašćeni zastupnik na adresi: {{partner.address}}.",
    "Naš broj: {{case.number}}",
    ("table", ["Datum: {{todayLong}}"], ["Podnosilac zahteva:", "", SIGN, "{{person.fullName}}", "Ovlašćeni zastupnik: {{lawyer.fullName}}"]),
])
T[("late-birth-registration", "en")] = ("Request for late registration of birth", [
    ("bold", "To the Civil Status Office, Municipality of {{person.municipality}}"),
    ("bold", "Subject: Request for late registration of birth in the register of births"),
    "Applicant: {{person.fullName}}, child of {{person.fatherName}}, born on {{person.birthDate}} in {{person.birthPlace}}, "
    "residing at {{person.address}}, Municipality of {{person.municipality}}, represented by {{lawyer.fullName}}, "
    "{{partner.name}}.",
    "Under the Law on Civil Status Registers, I request that my birth be registered late in the register of births, "
    "as it has not been registered so far.",
    "Attached: evidence of the birth (hospital certificate or witness statements), the parents' documents, the power of "
    "attorney.",
    "Please notify the decision to the authorised representative at: {{partner.address}}.",
    "Our reference: {{case.number}}",
    ("table", ["Date: {{todayLong}}"], ["Applicant:", "", SIGN, "{{person.fullName}}", "Authorised representative: {{lawyer.fullName}}"]),
])

# --- Identity card --------------------------------------------------------------------------
T[("id-card-request", "sq")] = ("Kërkesë për letërnjoftim", [
    ("bold", "Agjencisë së Regjistrimit Civil – Qendra e Regjistrimit Civil, Komuna {{person.municipality}}"),
    ("bold", "Lënda: Kërkesë për pajisje me letërnjoftim"),
    "Parashtruesi/ja: {{person.fullName}}, i/e biri/bija i/e {{person.fatherName}}, i/e lindur më {{person.birthDate}} "
    "në {{person.birthPlace}}, numri personal {{person.personalNumber}}, me vendbanim në {{person.address}}, Komuna "
    "{{person.municipality}}, i/e përfaqësuar nga {{lawyer.fullName}}, {{partner.name}}.",
    "Kërkoj që të pajisem me letërnjoftim. Jam i/e regjistruar në librin amë dhe i plotësoj kushtet ligjore për "
    "pajisje me letërnjoftim.",
    "Bashkëngjitur: certifikata e lindjes, dëshmia e vendbanimit, autorizimi.",
    "Referenca jonë: {{case.number}}",
    ("table", ["Data: {{todayLong}}"], ["Parashtruesi/ja:", "", SIGN, "{{person.fullName}}"]),
])
T[("id-card-request", "sr")] = ("Zahtev za izdavanje lične karte", [
    ("bold", "Agenciji za civilnu registraciju – Centar za civilnu registraciju, opština {{person.municipality}}"),
    ("bold", "Predmet: Zahtev za izdavanje lične karte"),
    "Podnosilac zahteva: {{person.fullName}}, sin/ćerka {{person.fatherName}}, rođen/a {{person.birthDate}} u mestu "
    "{{person.birthPlace}}, lični broj {{person.personalNumber}}, sa prebivalištem na adresi {{person.address}}, opština "
    "{{person.municipality}}, koga/koju zastupa {{lawyer.fullName}}, {{partner.name}}.",
    "Molim da mi se izda lična karta. Upisan/a sam u matične knjige i ispunjavam zakonske uslove za izdavanje lične "
    "karte.",
    "U prilogu: izvod iz matične knjige rođenih, dokaz o prebivalištu, ovlašćenje.",
    "Naš broj: {{case.number}}",
    ("table", ["Datum: {{todayLong}}"], ["Podnosilac zahteva:", "", SIGN, "{{person.fullName}}"]),
])
T[("id-card-request", "en")] = ("Request for an identity card", [
    ("bold", "To the Civil Registration Agency – Civil Registration Centre, Municipality of {{person.municipality}}"),
    ("bold", "Subject: Request for an identity card"),
    "Applicant: {{person.fullName}}, child of {{person.fatherName}}, born on {{person.birthDate}} in {{person.birthPlace}}, "
    "personal number {{person.personalNumber}}, residing at {{person.address}}, Municipality of {{person.municipality}}, "
    "represented by {{lawyer.fullName}}, {{partner.name}}.",
    "I request to be issued an identity card. I am entered in the civil status registers and meet the legal "
    "conditions for an identity card.",
    "Attached: birth certificate, proof of residence, power of attorney.",
    "Our reference: {{case.number}}",
    ("table", ["Date: {{todayLong}}"], ["Applicant:", "", SIGN, "{{person.fullName}}"]),
])

# --- Appeal ---------------------------------------------------------------------------------
T[("appeal", "sq")] = ("Ankesë", [
    ("bold", "Për: {{case.authority}}"),
    ("title", "ANKESË"),
    "Ankuesi/ja: {{person.fullName}}, i/e lindur më {{person.birthDate}}, me vendbanim në {{person.address}}, Komuna "
    "{{person.municipality}}, i/e përfaqësuar nga {{lawyer.fullName}}, {{partner.name}}, {{partner.address}}.",
    "Kundër: {{case.lastDecision}}.",
    "Pala kundërshtare: {{case.opposingParty}}.",
    "Ankesa paraqitet brenda afatit ligjor (dita e fundit: {{case.nextDeadline}}) për shkak të shkeljes së dispozitave "
    "të procedurës, vërtetimit të gabuar ose jo të plotë të gjendjes faktike dhe zbatimit të gabuar të së drejtës materiale.",
    ("center", "ARSYETIMI"),
    SIGN + SIGN,
    "Propozoj që vendimi i atakuar të anulohet dhe lënda të kthehet për rishqyrtim, ose që vendimi të ndryshohet në "
    "favor të ankuesit/es.",
    "Referenca jonë: {{case.number}}",
    ("table", ["Data: {{todayLong}}"], ["Për ankuesin/en, përfaqësuesi i autorizuar:", "", SIGN, "{{lawyer.fullName}}"]),
])
T[("appeal", "sr")] = ("Žalba", [
    ("bold", "Za: {{case.authority}}"),
    ("title", "ŽALBA"),
    "Žalilac: {{person.fullName}}, rođen/a {{person.birthDate}}, sa prebivalištem na adresi {{person.address}}, opština "
    "{{person.municipality}}, koga/koju zastupa {{lawyer.fullName}}, {{partner.name}}, {{partner.address}}.",
    "Protiv: {{case.lastDecision}}.",
    "Protivna strana: {{case.opposingParty}}.",
    "Žalba se podnosi u zakonskom roku (poslednji dan roka: {{case.nextDeadline}}) zbog bitne povrede odredaba "
    "postupka, pogrešno ili nepotpuno utvrđenog činjeničnog stanja i pogrešne primene materijalnog prava.",
    ("center", "OBRAZLOŽENJE"),
    SIGN + SIGN,
    "Predlažem da se pobijana odluka poništi i predmet vrati na ponovni postupak, ili da se odluka preinači u korist "
    "žalioca.",
    "Naš broj: {{case.number}}",
    ("table", ["Datum: {{todayLong}}"], ["Za žalioca, ovlašćeni zastupnik:", "", SIGN, "{{lawyer.fullName}}"]),
])
T[("appeal", "en")] = ("Appeal", [
    ("bold", "To: {{case.authority}}"),
    ("title", "APPEAL"),
    "Appellant: {{person.fullName}}, born on {{person.birthDate}}, residing at {{person.address}}, Municipality of "
    "{{person.municipality}}, represented by {{lawyer.fullName}}, {{partner.name}}, {{partner.address}}.",
    "Against: {{case.lastDecision}}.",
    "Opposing party: {{case.opposingParty}}.",
    "This appeal is filed within the legal time limit (last day: {{case.nextDeadline}}) on the grounds of a substantial "
    "violation of the rules of procedure, an erroneous or incomplete establishment of the facts and an erroneous "
    "application of the substantive law.",
    ("center", "STATEMENT OF REASONS"),
    SIGN + SIGN,
    "I propose that the contested decision be annulled and the matter returned for reconsideration, or that the "
    "decision be amended in the appellant's favour.",
    "Our reference: {{case.number}}",
    ("table", ["Date: {{todayLong}}"], ["For the appellant, the authorised representative:", "", SIGN, "{{lawyer.fullName}}"]),
])

# --- Cover letter ---------------------------------------------------------------------------
T[("cover-letter", "sq")] = ("Letër përcjellëse", [
    ("right", "{{todayLong}}"),
    ("bold", "Për: {{case.authority}}"),
    ("bold", "Lënda: Dërgim i dokumenteve – {{person.fullName}}, lënda jonë {{case.number}}"),
    "Të nderuar,",
    "Në emër të klientit/es tonë {{person.fullName}}, i/e lindur më {{person.birthDate}}, të cilin/cilën e përfaqësojmë "
    "në bazë të autorizimit bashkëngjitur, ju dërgojmë dokumentet e mëposhtme:",
    "1. " + SIGN,
    "2. " + SIGN,
    "Ju lutemi që përgjigjen t'ia dërgoni përfaqësuesit të autorizuar në adresën {{partner.address}}. Për çdo pyetje "
    "jemi në dispozicion.",
    "Me respekt,",
    ("normal", "{{lawyer.fullName}}"),
    ("normal", "{{partner.name}}"),
])
T[("cover-letter", "sr")] = ("Propratno pismo", [
    ("right", "{{todayLong}}"),
    ("bold", "Za: {{case.authority}}"),
    ("bold", "Predmet: Dostava dokumenata – {{person.fullName}}, naš predmet {{case.number}}"),
    "Poštovani,",
    "U ime našeg klijenta/naše klijentkinje {{person.fullName}}, rođenog/rođene {{person.birthDate}}, koga/koju "
    "zastupamo na osnovu priloženog ovlašćenja, dostavljamo vam sledeća dokumenta:",
    "1. " + SIGN,
    "2. " + SIGN,
    "Molimo vas da odgovor dostavite ovlašćenom zastupniku na adresu {{partner.address}}. Za sva pitanja stojimo vam "
    "na raspolaganju.",
    "S poštovanjem,",
    ("normal", "{{lawyer.fullName}}"),
    ("normal", "{{partner.name}}"),
])
T[("cover-letter", "en")] = ("Cover letter", [
    ("right", "{{todayLong}}"),
    ("bold", "To: {{case.authority}}"),
    ("bold", "Subject: Documents concerning {{person.fullName}}, our case {{case.number}}"),
    "Dear Sir or Madam,",
    "On behalf of our client {{person.fullName}}, born on {{person.birthDate}}, whom we represent under the attached "
    "power of attorney, we submit the following documents:",
    "1. " + SIGN,
    "2. " + SIGN,
    "Please send your reply to the authorised representative at {{partner.address}}. We remain at your disposal for "
    "any questions.",
    "Yours faithfully,",
    ("normal", "{{lawyer.fullName}}"),
    ("normal", "{{partner.name}}"),
])


def main():
    os.makedirs(OUT, exist_ok=True)
    for (base, lang), (title, body) in T.items():
        path = os.path.join(OUT, f"{base}.{lang}.docx")
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            # Fixed timestamps: the same texts give the same bytes, so git sees only real changes.
            def put(name, data):
                info = zipfile.ZipInfo(name, date_time=(2026, 12, 2, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                z.writestr(info, data)
            put("[Content_Types].xml", CONTENT_TYPES)
            put("_rels/.rels", RELS)
            put("word/_rels/document.xml.rels", DOC_RELS)
            put("word/document.xml", document(body))
            put("word/styles.xml", STYLES)
            put("word/header1.xml", HEADER)
            put("docProps/core.xml", CORE.format(title=escape(title)))
        print(path)


if __name__ == "__main__":
    main()
