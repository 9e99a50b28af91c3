//! The Python subset: lexer, parser, compiler, VM (being written; see issue 4).
