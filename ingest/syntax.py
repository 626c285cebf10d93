"""Small helpers over the dependency tree."""

from __future__ import annotations

from spacy.tokens import Token


def path_between(a: Token, b: Token) -> tuple[Token, list[Token], list[Token]]:
    """The lowest common ancestor of two tokens, and the tokens from each up to it (the ancestor excluded)."""
    a_chain = [a, *a.ancestors]
    b_chain = [b, *b.ancestors]
    b_at = {t.i: n for n, t in enumerate(b_chain)}
    for n, t in enumerate(a_chain):
        if t.i in b_at:
            return t, a_chain[:n], b_chain[: b_at[t.i]]
    return a_chain[-1], a_chain, b_chain  # two trees: never within one sentence


def distance(a: Token, b: Token) -> int:
    """Dependency steps between two tokens of one sentence."""
    _, up, down = path_between(a, b)
    return len(up) + len(down)
