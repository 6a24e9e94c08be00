"""Makes unruled_row_cut_by_page_break.pdf (committed; fpdf2 is needed only to change it).

An invented council's response table printed without ruling lines, whose second row is cut by the
page break in the middle of BOTH cells' sentences, with a running header "OFFICIAL" set at the top
of each page over the answer column, and the table's header printed again on the second page.
Lines are placed one by one (PDF points from the top), as a word processor sets them.
"""

from pathlib import Path

ASK_X, ANSWER_X = 20, 105  # mm
PAGE_ONE = [
    (["Recommendation 1: publish the opening", "hours of every library on one page."],
     ["Accepted. The hours of all nine libraries", "were put on one page in June."]),
]
# the cut row: its first lines at the foot of page one, the rest at the top of page two
CUT_ASK = (["Recommendation 2: give each village hall", "that hosts a mobile library a key safe and"],
           ["tell its committee when the van will call.", ""])
CUT_ANSWER = (["Accepted. The library service bought", "fourteen key safes in August and the last"],
              ["two are being fitted this month.", ""])
PAGE_TWO = [
    (["Recommendation 3: report the number of", "visits to each library every quarter."],
     ["Accepted. The first quarterly report will", "go to the Panel in January."]),
]


def main() -> None:
    from fpdf import FPDF

    pdf = FPDF(unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_font("Helvetica", size=9)

    def official():
        pdf.text(ANSWER_X, 10, "OFFICIAL")

    def header(y):
        pdf.set_font("Helvetica", "B", 9)
        pdf.text(ASK_X, y, "Panel recommendation")
        pdf.text(ANSWER_X, y, "Council response")
        pdf.set_font("Helvetica", size=9)

    pdf.add_page()
    official()
    pdf.text(ASK_X, 240, "Ashby District Council: response to the Libraries Panel's recommendations")
    header(254.5)
    y = 261.0  # rows 11 mm apart, lines 4.5 mm apart: the gap between rows is wider than a cell's line spacing
    for ask, answer in PAGE_ONE:
        for k in range(2):
            pdf.text(ASK_X, y + 4.5 * k, ask[k])
            pdf.text(ANSWER_X, y + 4.5 * k, answer[k])
        y += 11
    for k in range(2):
        pdf.text(ASK_X, y + 4.5 * k, CUT_ASK[0][k])
        pdf.text(ANSWER_X, y + 4.5 * k, CUT_ANSWER[0][k])
    pdf.text(90, 290, "Ashby District Council - page 1")
    pdf.add_page()
    official()
    header(30)
    y = 36.5
    pdf.text(ASK_X, y, CUT_ASK[1][0])
    pdf.text(ANSWER_X, y, CUT_ANSWER[1][0])
    y += 6.5
    for ask, answer in PAGE_TWO:
        for k in range(2):
            pdf.text(ASK_X, y + 4.5 * k, ask[k])
            pdf.text(ANSWER_X, y + 4.5 * k, answer[k])
        y += 11
    pdf.text(ASK_X, y + 10, "Contact officer: Head of Libraries.")
    pdf.text(90, 290, "Ashby District Council - page 2")
    pdf.output(str(Path(__file__).with_name("unruled_row_cut_by_page_break.pdf")))


if __name__ == "__main__":
    main()
