"""Writes odd.jsonl: small Balise documents with emoji, CRLF, NBSP/NNBSP, nested quotes, claims
(shared cue/source, source_ref, hedged, optional), alt labels, provenance, status and extra fields.
Offsets are computed here (Python str indices = code points). Run: python3 make-odd.py"""
import json


def cp(text, needle, nth=0):
    i = -1
    for _ in range(nth + 1):
        i = text.index(needle, i + 1)
    return i, i + len(needle)


def sp(text, needle, nth=0):
    s, e = cp(text, needle, nth)
    return {"start": s, "end": e, "text": text[s:e]}


def ent(text, needle, label, nth=0, **kw):
    d = sp(text, needle, nth)
    d["label"] = label
    d.update(kw)
    return d


docs = []
t = ("🇫🇷 Paris, 3\u202f500 manifestants.\r\n"
     "« Nous ne céderons pas », a déclaré Ashraf\u00a0Ghani à l’AFP, « ni aujourd’hui ni demain ».\r\n"
     "Selon l’ONU, « la situation “reste” grave » 😟.")
docs.append({"id": "odd-1", "text": t,
             "entities": [ent(t, "Paris", "LOC"), ent(t, "3\u202f500", "NUM"), ent(t, "Ashraf\u00a0Ghani", "PER"),
                          ent(t, "AFP", "ORG", alt=["MISC"]), ent(t, "ONU", "ORG")],
             "claims": [
                 {"kind": "direct", "content": sp(t, "Nous ne céderons pas"), "cue": sp(t, "a déclaré"),
                  "source": sp(t, "Ashraf\u00a0Ghani")},
                 {"kind": "direct", "content": sp(t, "ni aujourd’hui ni demain"), "cue": sp(t, "a déclaré"),
                  "source": sp(t, "Ashraf\u00a0Ghani")},
                 {"kind": "according_to", "content": sp(t, "« la situation “reste” grave »"), "cue": sp(t, "Selon"),
                  "source": sp(t, "l’ONU"), "hedged": True},
                 {"kind": "unattributed", "content": sp(t, "Paris, 3\u202f500 manifestants"), "cue": None,
                  "source": None, "optional": True},
             ],
             "status": "done", "source": "https://example.org/odd-1", "license": "CC0"})
t = ("Le ministre e\u0301tait à Lyon lundi. « C’est fini », a-t-il conclu.\n"
     "Il a ajouté que 41\u00a0000 euros avaient été versés.")
docs.append({"id": "odd-2", "text": t,
             "entities": [ent(t, "Lyon", "LOC", provenance="accepted"), ent(t, "lundi", "DATE", provenance="edited"),
                          ent(t, "41\u00a0000 euros", "NUM", provenance="manual", optional=True)],
             "claims": [
                 {"kind": "direct", "content": sp(t, "C’est fini"), "cue": sp(t, "a-t-il conclu"),
                  "source": sp(t, "il"), "source_ref": sp(t, "Le ministre"), "provenance": "accepted"},
                 {"kind": "indirect", "content": sp(t, "41\u00a0000 euros avaient été versés"),
                  "cue": sp(t, "a ajouté"), "source": sp(t, "Il"), "provenance": "manual"},
             ],
             "status": "in_progress", "meta": {"batch": 7, "note": "relu"}})
t = "D’après Reuters, l’Élysée a démenti hier soir.\tFin"
docs.append({"id": "odd 3/é", "text": t,
             "entities": [ent(t, "Reuters", "ORG", provenance="model"),
                          ent(t, "Élysée", "ORG", alt=["LOC"], provenance="model"),
                          ent(t, "hier soir", "DATE", provenance="model")],
             "claims": [{"kind": "according_to", "content": sp(t, "l’Élysée a démenti hier soir"),
                         "cue": sp(t, "D’après"), "source": sp(t, "Reuters"), "provenance": "model"}],
             "status": "todo"})
docs.append({"id": "empty", "text": ""})
docs.append({"id": "plain", "text": "  « » — !  \r\n "})
t = "Paris Londres Berlin : la Cour suprême des États-Unis"
docs.append({"id": "adjacent", "text": t,
             "entities": [ent(t, "Paris", "LOC"), ent(t, "Londres", "LOC"), ent(t, "Berlin", "LOC"),
                          ent(t, "Cour suprême des États-Unis", "ORG"),
                          ent(t, "États-Unis", "LOC", optional=True)]})
with open("odd.jsonl", "w", encoding="utf-8", newline="\n") as f:
    for d in docs:
        d.setdefault("entities", [])
        d.setdefault("claims", [])
        f.write(json.dumps(d, ensure_ascii=False) + "\n")
