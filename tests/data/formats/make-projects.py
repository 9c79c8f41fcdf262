"""Writes label-studio-project.json and doccano-project.jsonl: exports "of a real project" made by
hand following each tool's published export format (Label Studio: JSON export of a text project
with Labels + Relations; doccano: sequence-labelling project, with and without relations).
Offsets are code points except where noted. Run: python3 make-projects.py"""
import json


def at(text, needle, nth=0, utf16=False):
    i = -1
    for _ in range(nth + 1):
        i = text.index(needle, i + 1)
    s, e = i, i + len(needle)
    if utf16:
        s = len(text[:s].encode("utf-16-le")) // 2
        e = s + len(needle.encode("utf-16-le")) // 2
    return s, e


def region(rid, text, needle, labels, origin="manual", nth=0, utf16=False):
    s, e = at(text, needle, nth, utf16)
    r = {"value": {"start": s, "end": e, "text": needle, "labels": labels}, "id": rid,
         "from_name": "label", "to_name": "text", "type": "labels"}
    if origin:
        r["origin"] = origin
    return r


def rel(a, b, label, direction="right"):
    return {"from_id": a, "to_id": b, "type": "relation", "direction": direction, "labels": [label]}


def annotation(aid, task, result, cancelled=False):
    return {"id": aid, "completed_by": 1, "result": result, "was_cancelled": cancelled, "ground_truth": False,
            "created_at": "2026-11-20T10:12:31.512313Z", "updated_at": "2026-11-20T10:14:02.100217Z",
            "draft_created_at": None, "lead_time": 91.2, "prediction": {}, "result_count": 0,
            "unique_id": f"9f1c2b7e-{aid:04d}", "import_id": None, "last_action": None, "task": task,
            "project": 3, "updated_by": 1, "parent_prediction": None, "parent_annotation": None,
            "last_created_by": None}


def task(tid, text, annotations=(), predictions=()):
    return {"id": tid, "annotations": list(annotations), "file_upload": "b5e1-articles.json", "drafts": [],
            "predictions": list(predictions), "data": {"text": text}, "meta": {},
            "created_at": "2026-11-20T09:58:40.008823Z", "updated_at": "2026-11-20T10:14:02.130412Z",
            "inner_id": tid, "total_annotations": len([a for a in annotations if not a["was_cancelled"]]),
            "cancelled_annotations": len([a for a in annotations if a["was_cancelled"]]),
            "total_predictions": len(predictions), "comment_count": 0, "unresolved_comment_count": 0,
            "last_comment_updated_at": None, "project": 3, "updated_by": 1, "comment_authors": []}


t1 = "« Nous resterons », a déclaré Ashraf Ghani le 15 juillet 2016 à Kaboul."
t2 = "Selon l’AFP, 3 500 soldats ont été déployés à Ankara lundi."
t3 = "🇫🇷 Le président Emmanuel Macron a annoncé que l’Élysée fermerait."
ls = [
    task(41, t1, [annotation(101, 41, [
        region("Xk3b9aLq1w", t1, "Ashraf Ghani", ["PER"]),
        region("Yq7c2Dm0sE", t1, "15 juillet 2016", ["DATE"], origin="prediction"),
        region("Zr8d3Fn1tG", t1, "Kaboul", ["LOC"], origin="prediction-changed"),
        region("Ab1e4Gp2uH", t1, "Nous resterons", ["CLAIM_DIRECT"]),
        region("Bc2f5Hq3vJ", t1, "a déclaré", ["CUE"]),
        region("Cd3g6Jr4wK", t1, "Ashraf Ghani", ["SOURCE"]),
        rel("Ab1e4Gp2uH", "Bc2f5Hq3vJ", "cue"),
        rel("Cd3g6Jr4wK", "Ab1e4Gp2uH", "source", direction="left"),
    ])]),
    task(42, t2, [], [{"id": 7, "model_version": "balise-0.1", "created_ago": "2 hours", "score": 0.83,
                       "cluster": None, "neighbors": None, "mislabeling": 0.0, "created_at": "2026-11-20T09:59:12Z",
                       "updated_at": "2026-11-20T09:59:12Z", "task": 42, "project": 3,
                       "result": [
                           region("p1", t2, "AFP", ["ORG"], origin=None),
                           region("p2", t2, "3 500", ["NUM"], origin=None),
                           region("p3", t2, "Ankara", ["LOC", "ORG"], origin=None),
                           region("p4", t2, "lundi", ["DATE"], origin=None),
                           region("p5", t2, "3 500 soldats ont été déployés à Ankara lundi", ["CLAIM_ACCORDING_TO"], origin=None),
                           region("p6", t2, "Selon", ["CUE"], origin=None),
                           region("p7", t2, "l’AFP", ["SOURCE"], origin=None),
                           rel("p5", "p6", "cue"), rel("p5", "p7", "source"),
                       ]}]),
    # an older Label Studio counted UTF-16 units: the flag emoji is 4 units, 2 code points
    task(43, t3, [annotation(102, 43, [region("q1", t3, "Macron", ["PER"])], cancelled=True),
                  annotation(103, 43, [
                      region("r1", t3, "Emmanuel Macron", ["PER"], utf16=True),
                      region("r2", t3, "Élysée", ["ORG", "LOC"], utf16=True),
                      region("r3", t3, "l’Élysée fermerait", ["CLAIM_INDIRECT"], utf16=True),
                      region("r4", t3, "a annoncé", ["CUE"], utf16=True),
                      region("r5", t3, "Le président Emmanuel Macron", ["SOURCE"], utf16=True),
                      rel("r3", "r4", "cue"), rel("r3", "r5", "source")])]),
]
with open("label-studio-project.json", "w", encoding="utf-8") as f:
    json.dump(ls, f, ensure_ascii=False, indent=2)
    f.write("\n")


def ent(eid, text, needle, label, nth=0):
    s, e = at(text, needle, nth)
    return {"id": eid, "label": label, "start_offset": s, "end_offset": e}


d1 = "Le ministre de l’Intérieur a précisé que 41 000 euros avaient été saisis à Marseille."
d2 = "D’après Reuters, la réunion aura lieu à Genève le 3 mars 😀."
doccano = [
    {"id": 1201, "text": d1, "Comments": [], "source": "wikinews",
     "entities": [ent(5011, d1, "Intérieur", "ORG"), ent(5012, d1, "41 000 euros", "NUM"),
                  ent(5013, d1, "Marseille", "LOC"),
                  ent(5014, d1, "41 000 euros avaient été saisis à Marseille", "CLAIM_INDIRECT"),
                  ent(5015, d1, "a précisé", "CUE"), ent(5016, d1, "Le ministre de l’Intérieur", "SOURCE")],
     "relations": [{"id": 311, "from_id": 5014, "to_id": 5015, "type": "cue"},
                   {"id": 312, "from_id": 5014, "to_id": 5016, "type": "source"}]},
    {"id": 1202, "text": d2, "Comments": ["relire la date"], "source": "wikinews",
     "entities": [ent(5017, d2, "Reuters", "ORG"), ent(5018, d2, "Genève", "LOC"), ent(5019, d2, "3 mars", "DATE"),
                  ent(5020, d2, "la réunion aura lieu à Genève le 3 mars", "CLAIM_ACCORDING_TO"),
                  ent(5021, d2, "D’après", "CUE"), ent(5022, d2, "Reuters", "SOURCE")],
     "relations": [{"id": 313, "from_id": 5020, "to_id": 5021, "type": "cue"},
                   {"id": 314, "from_id": 5020, "to_id": 5022, "type": "source"}]},
]
with open("doccano-project.jsonl", "w", encoding="utf-8") as f:
    for line in doccano:
        f.write(json.dumps(line, ensure_ascii=False) + "\n")
# the same project exported without relations: label = [[start, end, label]], doccano's own labels
plain = [{"id": 1203, "text": d1, "label": sorted([[at(d1, "Intérieur")[0], at(d1, "Intérieur")[1], "ORGANIZATION"],
                                                     [*at(d1, "Marseille"), "LOC"]]), "Comments": []}]
with open("doccano-project-label.jsonl", "w", encoding="utf-8") as f:
    for line in plain:
        f.write(json.dumps(line, ensure_ascii=False) + "\n")
