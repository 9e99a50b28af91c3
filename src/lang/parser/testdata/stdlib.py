"""Compares the parser with CPython 3.14 on CPython's own standard library (opt-in).

    unzip -q ~/.cache/python314-ref/node_modules/pyodide/python_stdlib.zip -d /tmp/stdlib
    STDLIB_DIR=/tmp/stdlib cargo test --release --lib stdlib_export -- --nocapture
    python3 src/lang/parser/testdata/stdlib.py --make-runner
    node ../shared/tools/python314/run.js /tmp/stdlib_run.py > /tmp/stdlib_theirs.json
    python3 src/lang/parser/testdata/stdlib.py --compare

The export parses every file (files using constructs outside the subset are counted apart)
and writes the accepted ones with their trees (ast_sexpr.py format) and positions
(positions.py format); the comparison wants both identical.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def make_runner():
    srcs = json.load(open('/tmp/stdlib_ok.json'))
    sexpr = open(os.path.join(HERE, 'ast_sexpr.py')).read().split("if __name__ == '__main__':")[0]
    pos = open(os.path.join(HERE, 'positions.py')).read().split("if __name__ == '__main__':")[0]
    with open('/tmp/stdlib_run.py', 'w') as f:
        f.write('SOURCES = %r\n' % srcs + sexpr + pos)
        f.write('print(json.dumps({"tree": [dump(x) for x in SOURCES], '
                '"pos": [positions(x) for x in SOURCES]}))\n')


def compare():
    theirs = json.load(open('/tmp/stdlib_theirs.json'))
    trees = json.load(open('/tmp/stdlib_tree_ours.json'))
    pos = json.load(open('/tmp/stdlib_pos_ours.json'))
    names = json.load(open('/tmp/stdlib_names.json'))
    bad_tree = [n for n, a, b in zip(names, trees, theirs['tree']) if a != b]
    bad_pos = [n for n, a, b in zip(names, pos, theirs['pos']) if a != b]
    print('%d files: %d trees differ, %d position sets differ' % (len(names), len(bad_tree), len(bad_pos)))
    for n in (bad_tree + bad_pos)[:20]:
        print('  ', n)


if __name__ == '__main__':
    make_runner() if sys.argv[1] == '--make-runner' else compare()
