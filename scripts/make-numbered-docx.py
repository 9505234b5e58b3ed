#!/usr/bin/env python3
"""Writes the DOCX fixtures of tests/read/docx-numbering.test.ts: small notices whose 一、（一）1.（1）
numbers are Word's automatic numbering (w:numPr + word/numbering.xml), not typed text.
The XML is written by hand, the way Word writes it, because LibreOffice here has no Writer.
Run: python3 scripts/make-numbered-docx.py  (rewrites tests/fixtures/docx/*.docx)"""
import os
import zipfile

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tests', 'fixtures', 'docx')
W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'

CONTENT_TYPES = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
%s</Types>'''
NUMBERING_TYPE = '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>\n'
PACKAGE_RELS = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>'''
DOCUMENT_RELS = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
%s</Relationships>'''
NUMBERING_REL = '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>\n'


def styles(extra=''):
    return f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W}">
<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>
<w:style w:type="table" w:default="1" w:styleId="a1"><w:name w:val="Normal Table"/></w:style>
{extra}</w:styles>'''


def level(ilvl, fmt, text, start=1, pstyle=None):
    ps = f'<w:pStyle w:val="{pstyle}"/>' if pstyle else ''
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>{ps}'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>')


def abstract(aid, levels):
    return f'<w:abstractNum w:abstractNumId="{aid}"><w:multiLevelType w:val="multilevel"/>{"".join(levels)}</w:abstractNum>'


def numbering(abstracts, nums):
    body = ''.join(abstracts) + ''.join(f'<w:num w:numId="{n}"><w:abstractNumId w:val="{a}"/></w:num>' for n, a in nums)
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering xmlns:w="{W}">{body}</w:numbering>'


def para(text, num=None, style=None, bold=False):
    """num = (numId, ilvl) or (numId, None) for a w:numPr without w:ilvl."""
    ppr = ''
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if num:
        ilvl = '' if num[1] is None else f'<w:ilvl w:val="{num[1]}"/>'
        ppr += f'<w:numPr>{ilvl}<w:numId w:val="{num[0]}"/></w:numPr>'
    rpr = '<w:rPr><w:b/></w:rPr>' if bold else ''
    return f'<w:p><w:pPr>{ppr}</w:pPr><w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def table(rows):
    def cell(c):
        return f'<w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/></w:tcPr>{c if c.startswith("<w:p>") else para(c)}</w:tc>'
    trs = ''.join('<w:tr>' + ''.join(cell(c) for c in row) + '</w:tr>' for row in rows)
    return f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid/>{trs}</w:tbl>'


def document(body):
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}" xmlns:r="{R}">'
            f'<w:body>{"".join(body)}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>')


def write(name, doc, style_xml, numbering_xml=None):
    path = os.path.join(OUT, name)
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for entry, data in [
            ('[Content_Types].xml', CONTENT_TYPES % (NUMBERING_TYPE if numbering_xml else '')),
            ('_rels/.rels', PACKAGE_RELS),
            ('word/_rels/document.xml.rels', DOCUMENT_RELS % (NUMBERING_REL if numbering_xml else '')),
            ('word/document.xml', doc),
            ('word/styles.xml', style_xml),
        ] + ([('word/numbering.xml', numbering_xml)] if numbering_xml else []):
            info = zipfile.ZipInfo(entry, date_time=(2024, 1, 1, 0, 0, 0))  # same bytes on every run
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    print('wrote', os.path.relpath(path))


# A list numbered on the paragraphs themselves (w:numPr numId+ilvl), as Word's multilevel list
# button writes it; a circled list inside a table; a bullet.
LISTS_BODY = [
    para('关于开展村庄清洁行动的工作方案'),
    para('为改善村庄人居环境，结合本县实际，制定本方案。'),
    para('总体要求', (1, 0), bold=True),
    para('以村容整洁为目标，分步推进各项工作。'),
    para('重点任务', (1, 0), bold=True),
    para('推进厕所改造', (1, 1)),
    para('完成改厕任务', (1, 2)),
    para('建立管护机制', (1, 2)),
    para('明确管护主体', (1, 3)),
    para('落实管护经费', (1, 3)),
    para('治理生活垃圾', (1, 1)),
    para('2024年底前配齐收运设施', (1, 2)),
    para('保障措施', (1, 0), bold=True),
    table([['序号', '任务', '责任单位'], [para('', (2, 0)), '清理农户庭院', '乡镇政府'], [para('', (2, 0)), '整治村内道路', '交通运输局']]),
    para('各乡镇每月报送进展。', (3, 0)),
    para('加强督促检查', (1, 1)),
]
LISTS_NUMBERING = numbering(
    [
        abstract(0, [level(0, 'chineseCounting', '%1、'), level(1, 'chineseCounting', '（%2）'),
                     level(2, 'decimal', '%3.'), level(3, 'decimal', '（%4）')]),
        abstract(1, [level(0, 'decimalEnclosedCircle', '%1')]),
        abstract(2, [level(0, 'bullet', '\u2022')]),
    ],
    [(1, 0), (2, 1), (3, 2)],
)

# Numbering carried by the heading styles (styles.xml w:pStyle → w:numPr), the way a 公文 template
# numbers 标题 1 / 标题 2; the paragraphs only name their style. Style ids "1" "2" "3" are what
# Chinese Word writes for heading 1–3. "要点" is based on heading 3 and inherits its numbering.
HEADING_STYLES = styles('''<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="3"><w:name w:val="heading 3"/><w:basedOn w:val="a"/><w:pPr><w:numPr><w:ilvl w:val="2"/><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="a5"><w:name w:val="要点"/><w:basedOn w:val="3"/></w:style>
''')
HEADINGS_NUMBERING = numbering(
    [abstract(7, [level(0, 'chineseCountingThousand', '%1、', pstyle='1'),
                  level(1, 'chineseCountingThousand', '（%2）', pstyle='2'),
                  level(2, 'decimal', '%3.', pstyle='3')])],
    [(1, 7)],
)
HEADINGS_BODY = [
    para('关于做好冬季供暖保障工作的通知'),
    para('各乡镇人民政府：'),
    para('工作目标', style='1'),
    para('确保居民室温达到规定标准。'),
    para('主要措施', style='1'),
    para('加强热源保障', style='2'),
    para('储备燃煤', style='3'),
    para('检修管网', style='a5'),
    para('做好应急处置', style='2'),
    para('供暖热线', (0, None), style='1'),
    para('工作要求', style='1'),
]

PLAIN_BODY = [para('关于报送统计数据的通知'), para('一、报送内容'), para('请于6月30日前报送。')]

if __name__ == '__main__':
    os.makedirs(OUT, exist_ok=True)
    write('numbered-lists.docx', document(LISTS_BODY), styles(), LISTS_NUMBERING)
    write('numbered-headings.docx', document(HEADINGS_BODY), HEADING_STYLES, HEADINGS_NUMBERING)
    write('plain.docx', document(PLAIN_BODY), styles())
