"""`--pseudonymise-contacts`: phones and e-mails replaced by keyed hashes (HMAC-SHA256).

The key comes from the environment variable VALIDATOR_PSEUDONYM_KEY and never leaves this process
(the hashing runs where the chunks are written, not on dask workers). The same contact gives the same
pseudonym under the same key, so linkage still works; without the key the values cannot be recovered
or confirmed by guessing. Contacts quoted in the evidence kept for the report are blanked too.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os

import pandas as pd

from validator.errors import UsageError

KEY_VARIABLE = "VALIDATOR_PSEUDONYM_KEY"
MIN_KEY_CHARS = 16
PREFIX = "hmac:"
SEP = "; "


def key_from_env() -> bytes:
    key = os.environ.get(KEY_VARIABLE, "")
    if not key:
        raise UsageError(
            f"--pseudonymise-contacts needs a secret key in the environment variable {KEY_VARIABLE} "
            f'(e.g. export {KEY_VARIABLE}="$(openssl rand -hex 32)"; keep it to link later runs)'
        )
    if len(key) < MIN_KEY_CHARS:
        raise UsageError(f"{KEY_VARIABLE} is too short: use at least {MIN_KEY_CHARS} characters")
    return key.encode("utf-8")


def key_id(key: bytes) -> str:
    """A short public name of the key (for the resume manifest): a hash, not the key."""
    return hmac.new(key, b"validator key id", hashlib.sha256).hexdigest()[:12]


def pseudonym(value: str, key: bytes, kind: str) -> str:
    digest = hmac.new(key, f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()
    return PREFIX + digest[:32]


def _replace_all(value, key: bytes, kind: str):
    if not isinstance(value, str) or not value:
        return value
    return SEP.join(pseudonym(v, key, kind) for v in value.split(SEP) if v)


def _redact(evidence, raw_json) -> str | None:
    if not isinstance(evidence, str) or not isinstance(raw_json, str):
        return evidence
    raws = sorted((r for r in json.loads(raw_json) if r), key=len, reverse=True)
    items = json.loads(evidence)
    for item in items:
        texts = []
        for text in item["evidence"]:
            for raw in raws:
                text = text.replace(raw, "[contact]")
            texts.append(text)
        item["evidence"] = texts
    return json.dumps(items, ensure_ascii=False)


def pseudonymise_frame(frame: pd.DataFrame, key: bytes) -> pd.DataFrame:
    """Phones, e-mails and messenger handles as pseudonyms; raw contacts dropped from the working columns."""
    out = frame.copy()
    out["phones"] = [_replace_all(v, key, "phone") for v in out["phones"]]
    out["emails"] = [_replace_all(v, key, "email") for v in out["emails"]]
    out["handles"] = [_replace_all(v, key, "handle") for v in out["handles"]]
    out["_evidence"] = [_redact(e, r) for e, r in zip(out["_evidence"], out["_contact_raw"], strict=True)]
    out["_contact_raw"] = None
    return out
