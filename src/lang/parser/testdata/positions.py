"""The positions of every statement and expression CPython's `ast` gives for each source of
ast_sources.json (tests/spans.rs `positions_match_cpython` compares them with the parser's
spans as a multiset). F-string parts are left out: the playground's tree has no nodes for
them. Recorded on CPython 3.14, which cannot read files here:
    python3 -c "import json; print('SOURCES=%r' % json.load(open('ast_sources.json')))" > /tmp/p.py
    cat positions.py >> /tmp/p.py
    node ../shared/tools/python314/run.js /tmp/p.py > positions_cpython.json
"""
import ast
import json


def positions(src):
    try:
        tree = ast.parse(src)
    except SyntaxError:
        return None
    skip = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            skip.update(id(v) for v in node.values)
        if isinstance(node, ast.FormattedValue) and node.format_spec is not None:
            skip.add(id(node.format_spec))
    out = []
    for node in ast.walk(tree):
        if id(node) not in skip and isinstance(node, (ast.expr, ast.stmt)):
            kind = 'S' if isinstance(node, ast.stmt) else 'E'
            out.append('%s %d:%d-%d:%d' % (kind, node.lineno, node.col_offset,
                                           node.end_lineno, node.end_col_offset))
    return sorted(out)


if __name__ == '__main__':
    print(json.dumps([positions(s) for s in SOURCES]))
