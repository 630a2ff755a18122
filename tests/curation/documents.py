"""Test documents in each format a curator can add: a made-up press release (the facts in it are test
values, not claims about the real projects)."""

from fpdf import FPDF

PRESS_RELEASE_MD = """\
# Signing of Japanese ODA Loan Agreement with Viet Nam

On March 24, 2020, the Japan International Cooperation Agency (JICA) signed a loan agreement with
the Government of Viet Nam to provide Japanese ODA loans of up to 11.715 billion yen for the
Ho Chi Minh City Urban Railway Construction Project (Line 1).

The project builds the first metro line of Ho Chi Minh City, from Ben Thanh to Suoi Tien, and

is expected to ease traffic congestion in the city.

## Related projects

- The Neak Loeung Bridge in Cambodia was opened in April 2015.
- JICA will implement a feasibility study for the Vinh Hao Port in Binh Thuan Province.
"""

PRESS_RELEASE_TEXT = """\
Signing of Japanese ODA Loan Agreement with Viet Nam

On March 24, 2020, the Japan International Cooperation Agency (JICA) signed a loan agreement with
the Government of Viet Nam to provide Japanese ODA loans of up to 11.715 billion yen for the
Ho Chi Minh City Urban Railway Construction Project (Line 1).

Related projects

• The Neak Loeung Bridge in Cambodia was opened in April 2015.
• JICA will implement a feasibility study for the Vinh Hao Port in Binh Thuan Province.
"""

PRESS_RELEASE_HTML = """\
<!doctype html>
<html><head><title>JICA press release</title><script>var tracking = 1;</script>
<style>p { color: red }</style></head>
<body>
<header><nav><ul><li>Home</li><li>Press releases</li></ul></nav></header>
<main>
<h1>Signing of Japanese ODA Loan Agreement with Viet Nam</h1>
<p>On March 24, 2020, the Japan International Cooperation Agency (JICA) signed a loan agreement with the
Government of Viet Nam to provide Japanese <b>ODA loans</b> of up to 11.715 billion yen for the
Ho Chi Minh City Urban Railway Construction Project (Line 1).</p>
<h2>Related projects</h2>
<ul>
<li>The Neak Loeung Bridge in Cambodia
  <ul><li>opened in April 2015</li></ul>
</li>
<li>A feasibility study for the Vinh Hao Port</li>
</ul>
<p>Contact: JICA Press Office</p>
</main>
<footer><p>Copyright JICA. All rights reserved.</p></footer>
</body></html>
"""

NUMBERED_STATEMENT_MD = """\
# Joint Statement of the Mekong-Japan Foreign Ministers' Meeting

1. The Ministers welcomed the progress of the East-West Economic Corridor.

2. The Ministers noted the opening of the Neak Loeung Bridge.

Annex

3. The Ministers agreed to meet again next year.
"""


def press_release_pdf(*, pages_text: list[str]) -> bytes:
    """A real PDF (fpdf2) with one page per text, each written as wrapped lines."""
    pdf = FPDF()
    pdf.set_font("helvetica", size=11)
    for text in pages_text:
        pdf.add_page()
        for paragraph in text.split("\n\n"):
            pdf.multi_cell(0, 6, paragraph)
            pdf.ln(6)
    return bytes(pdf.output())


def image_only_pdf() -> bytes:
    """A PDF page with drawings and no text layer, as a scan would be."""
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 120, 80, style="F")
    pdf.ellipse(60, 120, 40, 40)
    return bytes(pdf.output())
