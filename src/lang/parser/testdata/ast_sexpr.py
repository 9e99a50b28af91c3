"""CPython's `ast` printed in the playground's S-expression dump format (src/lang/ast/dump.rs),
to check the parser's trees against CPython's own (tests.rs `trees_match_cpython`).

`python3 ast_sexpr.py < ast_sources.json` prints one dump per source, separated by lines
"====". The recorded ast_cpython.txt comes from CPython 3.14, which cannot read stdin here:
    python3 -c "import json; print('SOURCES=%r' % json.load(open('ast_sources.json')))" > /tmp/r.py
    cat ast_sexpr.py >> /tmp/r.py
    (echo '@generated ...'; node ../shared/tools/python314/run.js /tmp/r.py) > ast_cpython.txt
"""
import ast
import json
import sys
import unicodedata

BIN = {ast.Add: '+', ast.Sub: '-', ast.Mult: '*', ast.MatMult: '@', ast.Div: '/',
       ast.FloorDiv: '//', ast.Mod: '%', ast.Pow: '**', ast.LShift: '<<', ast.RShift: '>>',
       ast.BitOr: '|', ast.BitXor: '^', ast.BitAnd: '&'}
UN = {ast.Invert: '~', ast.Not: 'not', ast.UAdd: 'u+', ast.USub: 'u-'}
CMP = {ast.Eq: '==', ast.NotEq: '!=', ast.Lt: '<', ast.LtE: '<=', ast.Gt: '>', ast.GtE: '>=',
       ast.Is: 'is', ast.IsNot: 'is not', ast.In: 'in', ast.NotIn: 'not in'}


def ctx(node):
    c = getattr(node, 'ctx', None)
    return {ast.Store: ':S', ast.Del: ':D'}.get(type(c), '')


# Rust's `str` Debug escapes these categories (its "printable" tables) and combining marks
# (grapheme extenders).
NOT_PRINTABLE = ('Cc', 'Cf', 'Cs', 'Co', 'Cn', 'Zl', 'Zp', 'Zs')


def rs_str(s):
    # Rust's {:?} for strings.
    out = '"'
    for ch in s:
        if ch == '"':
            out += '\\"'
        elif ch == '\\':
            out += '\\\\'
        elif ch == '\n':
            out += '\\n'
        elif ch == '\t':
            out += '\\t'
        elif ch == '\r':
            out += '\\r'
        elif ch == '\0':
            out += '\\0'
        elif ch != ' ' and unicodedata.category(ch) in NOT_PRINTABLE:
            out += '\\u{%x}' % ord(ch)
        elif unicodedata.category(ch) in ('Mn', 'Me'):
            out += '\\u{%x}' % ord(ch)
        else:
            out += ch
    return out + '"'


def rs_float(f):
    r = repr(f)
    if 'e' in r:
        m, e = r.split('e')
        if '.' not in m:
            pass
        return m + 'e' + str(int(e))
    return r


def const(v):
    if v is None:
        return 'None'
    if v is True:
        return 'True'
    if v is False:
        return 'False'
    if v is Ellipsis:
        return '...'
    if isinstance(v, str):
        return rs_str(v)
    if isinstance(v, float):
        return rs_float(v)
    return str(v)


def params(a):
    out = '(params'
    pos = a.posonlyargs + a.args
    defaults = [None] * (len(pos) - len(a.defaults)) + list(a.defaults)
    def one(prefix, arg, default):
        s = ' ' + prefix + arg.arg
        if arg.annotation is not None:
            s += ':' + e(arg.annotation)
        if default is not None:
            s += '=' + e(default)
        return s
    for i, arg in enumerate(pos):
        out += one('', arg, defaults[i])
        if i == len(a.posonlyargs) - 1:
            out += ' /'
    if a.vararg:
        out += one('*', a.vararg, None)
    elif a.kwonlyargs:
        out += ' *'
    for arg, d in zip(a.kwonlyargs, a.kw_defaults):
        out += one('', arg, d)
    if a.kwarg:
        out += one('**', a.kwarg, None)
    return out + ')'


def kws(keywords):
    return ''.join(' (kw %s %s)' % (k.arg if k.arg else '**', e(k.value)) for k in keywords)


def comps(gens):
    out = ''
    for g in gens:
        out += ' (%s %s %s' % ('async-for' if g.is_async else 'for', e(g.target), e(g.iter))
        for c in g.ifs:
            out += ' (if %s)' % e(c)
        out += ')'
    return out


def fparts(values):
    out = ''
    for v in values:
        if isinstance(v, ast.Constant):
            out += ' ' + rs_str(v.value)
        else:
            out += ' (fv ' + e(v.value)
            out += {-1: '', 115: ' !s', 114: ' !r', 97: ' !a'}[v.conversion]
            if v.format_spec is not None:
                out += ' (spec' + fparts(v.format_spec.values) + ')'
            out += ')'
    return out


def e(n):
    t = type(n)
    if t is ast.BoolOp:
        return '(%s %s)' % ('and' if isinstance(n.op, ast.And) else 'or', ' '.join(map(e, n.values)))
    if t is ast.NamedExpr:
        return '(:= %s %s)' % (e(n.target), e(n.value))
    if t is ast.BinOp:
        return '(%s %s %s)' % (BIN[type(n.op)], e(n.left), e(n.right))
    if t is ast.UnaryOp:
        return '(%s %s)' % (UN[type(n.op)], e(n.operand))
    if t is ast.Lambda:
        return '(lambda %s %s)' % (params(n.args), e(n.body))
    if t is ast.IfExp:
        return '(ifexp %s %s %s)' % (e(n.test), e(n.body), e(n.orelse))
    if t is ast.Dict:
        items = ''.join(' (** %s)' % e(v) if k is None else ' (%s %s)' % (e(k), e(v))
                        for k, v in zip(n.keys, n.values))
        return '(dict' + items + ')'
    if t is ast.Set:
        return '(set' + ''.join(' ' + e(x) for x in n.elts) + ')'
    if t in (ast.ListComp, ast.SetComp, ast.GeneratorExp):
        head = {ast.ListComp: 'listcomp', ast.SetComp: 'setcomp', ast.GeneratorExp: 'genexp'}[t]
        return '(%s %s%s)' % (head, e(n.elt), comps(n.generators))
    if t is ast.DictComp:
        return '(dictcomp %s %s%s)' % (e(n.key), e(n.value), comps(n.generators))
    if t is ast.Await:
        return '(await %s)' % e(n.value)
    if t is ast.Yield:
        return '(yield)' if n.value is None else '(yield %s)' % e(n.value)
    if t is ast.YieldFrom:
        return '(yield-from %s)' % e(n.value)
    if t is ast.Compare:
        return '(cmp %s%s)' % (e(n.left), ''.join(' %s %s' % (CMP[type(o)], e(c))
                                                   for o, c in zip(n.ops, n.comparators)))
    if t is ast.Call:
        return '(call %s%s%s)' % (e(n.func), ''.join(' ' + e(a) for a in n.args), kws(n.keywords))
    if t is ast.JoinedStr:
        return '(f' + fparts(n.values) + ')'
    if t is ast.Constant:
        return const(n.value)
    if t is ast.Attribute:
        return '(.%s %s %s)' % (ctx(n), e(n.value), n.attr)
    if t is ast.Subscript:
        return '([]%s %s %s)' % (ctx(n), e(n.value), e(n.slice))
    if t is ast.Starred:
        return '(*%s %s)' % (ctx(n), e(n.value))
    if t is ast.Name:
        return n.id + ctx(n)
    if t is ast.List:
        return '(list%s%s)' % (ctx(n), ''.join(' ' + e(x) for x in n.elts))
    if t is ast.Tuple:
        return '(tuple%s%s)' % (ctx(n), ''.join(' ' + e(x) for x in n.elts))
    if t is ast.Slice:
        return '(slice %s %s %s)' % tuple('_' if x is None else e(x) for x in (n.lower, n.upper, n.step))
    raise TypeError(t)


def body(head, stmts):
    return ' (%s%s)' % (head, ''.join(' ' + s(x) for x in stmts))


def s(n):
    t = type(n)
    if t in (ast.FunctionDef, ast.AsyncFunctionDef):
        out = '(%s %s %s' % ('async-def' if t is ast.AsyncFunctionDef else 'def', n.name, params(n.args))
        if n.returns is not None:
            out += ' -> ' + e(n.returns)
        if n.decorator_list:
            out += ' (decorators' + ''.join(' ' + e(d) for d in n.decorator_list) + ')'
        return out + body('body', n.body) + ')'
    if t is ast.ClassDef:
        out = '(class %s (bases%s%s)' % (n.name, ''.join(' ' + e(b) for b in n.bases), kws(n.keywords))
        if n.decorator_list:
            out += ' (decorators' + ''.join(' ' + e(d) for d in n.decorator_list) + ')'
        return out + body('body', n.body) + ')'
    if t is ast.Return:
        return '(return)' if n.value is None else '(return %s)' % e(n.value)
    if t is ast.Delete:
        return '(del%s)' % ''.join(' ' + e(x) for x in n.targets)
    if t is ast.Assign:
        return '(=%s %s)' % (''.join(' ' + e(x) for x in n.targets), e(n.value))
    if t is ast.AugAssign:
        return '(%s= %s %s)' % (BIN[type(n.op)], e(n.target), e(n.value))
    if t is ast.AnnAssign:
        out = '(%s %s %s' % ('ann' if n.simple else 'ann-complex', e(n.target), e(n.annotation))
        return out + ('' if n.value is None else ' ' + e(n.value)) + ')'
    if t in (ast.For, ast.AsyncFor):
        out = '(%s %s %s' % ('async-for' if t is ast.AsyncFor else 'for', e(n.target), e(n.iter))
        out += body('body', n.body)
        return out + (body('else', n.orelse) if n.orelse else '') + ')'
    if t in (ast.While, ast.If):
        out = '(%s %s' % ('while' if t is ast.While else 'if', e(n.test)) + body('body', n.body)
        return out + (body('else', n.orelse) if n.orelse else '') + ')'
    if t in (ast.With, ast.AsyncWith):
        out = '(' + ('async-with' if t is ast.AsyncWith else 'with')
        for it in n.items:
            out += ' (item ' + e(it.context_expr)
            if it.optional_vars is not None:
                out += ' ' + e(it.optional_vars)
            out += ')'
        return out + body('body', n.body) + ')'
    if t is ast.Raise:
        if n.exc is None and n.cause is None:
            return '(raise)'
        out = '(raise ' + ('_' if n.exc is None else e(n.exc))
        return out + ('' if n.cause is None else ' ' + e(n.cause)) + ')'
    if t in (ast.Try, getattr(ast, 'TryStar', None)):
        out = '(' + ('try*' if t is not ast.Try else 'try') + body('body', n.body)
        for h in n.handlers:
            out += ' (except ' + ('_' if h.type is None else e(h.type))
            if h.name:
                out += ' as ' + h.name
            out += body('body', h.body) + ')'
        if n.orelse:
            out += body('else', n.orelse)
        if n.finalbody:
            out += body('finally', n.finalbody)
        return out + ')'
    if t is ast.Assert:
        return '(assert %s%s)' % (e(n.test), '' if n.msg is None else ' ' + e(n.msg))
    if t is ast.Import:
        return '(import%s)' % ''.join(' ' + a.name + (' as ' + a.asname if a.asname else '') for a in n.names)
    if t is ast.ImportFrom:
        return '(from %s%s%s)' % ('.' * n.level, n.module or '',
                                  ''.join(' ' + a.name + (' as ' + a.asname if a.asname else '') for a in n.names))
    if t is ast.Global:
        return '(global %s)' % ' '.join(n.names)
    if t is ast.Nonlocal:
        return '(nonlocal %s)' % ' '.join(n.names)
    if t is ast.Expr:
        return '(expr %s)' % e(n.value)
    if t is ast.Pass:
        return 'pass'
    if t is ast.Break:
        return 'break'
    if t is ast.Continue:
        return 'continue'
    raise TypeError(t)


def dump(src):
    try:
        tree = ast.parse(src)
    except SyntaxError as err:
        return 'ERROR ' + err.msg
    return '\n'.join(s(x) for x in tree.body)


if __name__ == '__main__':
    sources = globals().get('SOURCES') or json.load(sys.stdin)
    print('\n====\n'.join(dump(x) for x in sources))
