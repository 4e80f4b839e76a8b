"""Reads an xlsx back with openpyxl (an independent reader) and prints what a test checks, as JSON:
per sheet its cells (dates as ISO strings), number formats, frozen panes, filter and merges."""
import datetime
import json
import sys

import openpyxl

book = openpyxl.load_workbook(sys.argv[1])
out = {"sheets": []}
for ws in book.worksheets:
    rows, formats = [], []
    for row in ws.iter_rows():
        values, fmts = [], []
        for cell in row:
            v = cell.value
            if isinstance(v, datetime.datetime):
                v = {"date": v.isoformat()}
            values.append(v)
            fmts.append(cell.number_format)
        rows.append(values)
        formats.append(fmts)
    out["sheets"].append({
        "name": ws.title,
        "rows": rows,
        "formats": formats,
        "freeze": ws.freeze_panes,
        "filter": ws.auto_filter.ref,
        "merges": sorted(str(r) for r in ws.merged_cells.ranges),
    })
print(json.dumps(out, ensure_ascii=False))
