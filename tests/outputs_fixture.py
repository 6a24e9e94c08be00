"""A small synthetic dataset in the output schema, shaped like the Plymouth papers.

The tests of store, query and report build their outputs folder from these
records with `store.write_tables`, so they do not depend on how well today's
extraction and linking do on the real corpus.  Two papers: a scrutiny minute
that asks four things, and a later due-diligence update that answers two of them
fully and one partly; the fourth stays outstanding.
"""

from minutemine.models import Commitment, DocumentRow, Item, Link

MINUTE, UPDATE = "d1a2b3c4d5e6f", "d9f8e7d6c5b4a"

REQUESTS = [
    ("a", "seeks assurance that Plymouth's senior management have sufficient capacity to deliver",
     "answered", ["2017-12-13"], []),
    ("b", "requests clarity on staffing structures and the controls to address any shortfalls",
     "partly answered", [], []),
    ("c", "asks for the financial support and future funding for Plymouth and Torbay, "
          "including the £1.518m contribution", "answered", [], ["1518000"]),
    ("d", "requests further scrutiny of the contract before it is signed, by 31 March 2018",
     "outstanding", ["2018-03-31"], []),
]
ANSWERS = [
    ("1", "a", "Review in progress by Chief Exec, Strategic Director for People and Leader; "
               "paper for Appointments Panel", 0.82, 2),
    ("2", "b", "Senior staffing changes will reflect Shared DCS appointment", 0.55, 2),
    ("3", "c", "No intention to move from agreed MTFS/Budget; Torbay will fund £350k of the costs",
     0.77, 3),
]


def synthetic_tables() -> dict[str, list]:
    """The four tables of the synthetic dataset, ready for `store.write_tables`."""
    documents = [
        DocumentRow(doc_id=MINUTE, source_path="papers/wellbeing-osc-minute.txt", sha256="1" * 64,
                    format="txt", title="Establishing a Strategic Partnership with Torbay Council",
                    body="Wellbeing Overview and Scrutiny Committee", meeting_date="2017-09-20",
                    n_pages=1, n_items=4, n_commitments=5),
        DocumentRow(doc_id=UPDATE, source_path="papers/pdf/due-diligence-update.pdf", sha256="2" * 64,
                    format="pdf", title="Due Diligence and Assurance: update of work",
                    body="Plymouth City Council", meeting_date="2017-12-13",
                    n_pages=3, n_items=3, n_commitments=3),
        DocumentRow(doc_id="d000000000bad", source_path="papers/broken.pdf", sha256="3" * 64,
                    format="pdf", status="error", error="not a PDF file (it may be damaged)"),
    ]
    items, commitments, links = [], [], []
    for n, (label, text, status, dates, money) in enumerate(REQUESTS):
        item = Item(item_id=f"{MINUTE}/{label}", doc_id=MINUTE, kind="question", label=f"({label})",
                    label_path=label, heading="Minutes", text=f"The Committee {text}.", page=1,
                    char_start=100 * n, char_end=100 * n + 90)
        items.append(item)
        commitments.append(Commitment(
            commitment_id=f"{MINUTE}/{label}#r", doc_id=MINUTE, item_id=item.item_id, kind="request",
            label_path=label, text=f"The Committee {text}.", actor="Wellbeing Overview and Scrutiny Committee",
            addressee="Cabinet", modality="seeks", obligation=text, dates=dates,
            deadline=dates[-1] if label == "d" else "", amounts_gbp=money, page=1,
            char_start=item.char_start, char_end=item.char_end, status=status))
    for label, request, text, score, page in ANSWERS:
        item = Item(item_id=f"{UPDATE}/{label}", doc_id=UPDATE, kind="response", label=f"{label}.",
                    label_path=label, heading="Update of work", text=text, page=page,
                    char_start=200 * int(label), char_end=200 * int(label) + len(text))
        items.append(item)
        answer_id = f"{UPDATE}/{label}#a"
        request_id = f"{MINUTE}/{request}#r"
        commitments.append(Commitment(
            commitment_id=answer_id, doc_id=UPDATE, item_id=item.item_id, kind="assurance",
            label_path=label, text=text, actor="David Northey", modality="will", obligation=text,
            amounts_gbp=["350000"] if "£350k" in text else [], people=["David Northey"],
            organisations=["Torbay Council"], page=page, char_start=item.char_start,
            char_end=item.char_end, answers=request_id, answer_score=score, answer_method="tfidf"))
        links.append(Link(answer_id=answer_id, request_id=request_id, score=score, method="tfidf", rank=1))
    # a decision that answers nothing, with text that would run as a formula in a spreadsheet
    commitments.append(Commitment(
        commitment_id=f"{MINUTE}/e#d", doc_id=MINUTE, item_id=f"{MINUTE}/a", kind="decision",
        text='=HYPERLINK("http://evil.example","click") agrees the partnership', actor="Cabinet",
        page=1))
    return {"documents": documents, "items": items, "commitments": commitments, "links": links}
