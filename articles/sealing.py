"""Encryption of what submitters send, and their codenames (docs/security.md).

Everything a submitter sends, and every reply, is encrypted with age (through pyrage)
before it is stored:

* to the collective's public keys (``SUBMISSION_RECIPIENTS``), whose private halves
  stay on the editors' own machines;
* and, for the messages of a conversation (not its files), to a key of the submitter's
  own, derived from their codename. The server stores that key's public half, so that
  an editor's reply can be encrypted to it, but never the codename: only whoever holds
  the codename can derive the private half and read the replies.

A codename is seven words drawn at random from the EFF's long word list (about 90 bits).
One scrypt derivation of it gives two unrelated halves: a look-up key, stored, that
finds the conversation; and the conversation's private key, never stored.
"""

import hashlib
import re

import pyrage
from django.conf import settings
from xkcdpass import xkcd_password

CODENAME_WORDS = 7
LOOKUP_SALT = b"collective submission codename v1"
# scrypt's cost: 16 MiB and some 50 ms a derivation, paid once per codename tried.
SCRYPT_COST = {"n": 2**14, "r": 8, "p": 1, "maxmem": 64 * 1024 * 1024}


class SealingError(Exception):
    """What was sealed cannot be opened with the key given."""


def recipients():
    """The collective's public keys, as configured (an empty list: take nothing)."""
    return [pyrage.x25519.Recipient.from_str(key) for key in settings.SUBMISSION_RECIPIENTS]


def accepting():
    return bool(settings.SUBMISSION_RECIPIENTS)


def seal(data, *extra_recipients):
    """``data`` (bytes) encrypted to the collective's keys and ``extra_recipients``."""
    return pyrage.encrypt(data, [*recipients(), *extra_recipients])


def open_sealed(data, identities):
    """The plaintext of ``data`` (bytes), or SealingError if no identity opens it."""
    try:
        return pyrage.decrypt(bytes(data), identities)
    except pyrage.DecryptError as error:
        raise SealingError(str(error)) from error


def parse_identities(text, passphrase=""):
    """The age identities (private keys) an editor pasted: the AGE-SECRET-KEY-1... lines
    of an identity file, or such a file encrypted with a passphrase (``age -p -a``).
    Raises SealingError with a message for the editor."""
    text = text.strip()
    if text.startswith("-----BEGIN AGE ENCRYPTED FILE-----"):
        if not passphrase:
            raise SealingError("This key is protected by a passphrase: enter it too.")
        try:
            text = pyrage.passphrase.decrypt(text.encode(), passphrase).decode()
        except pyrage.DecryptError:
            raise SealingError("The passphrase does not open this key.") from None
    keys = [word for word in text.split() if word.startswith("AGE-SECRET-KEY-")]
    if not keys:
        raise SealingError(
            "That is not an age private key: paste the line that starts with AGE-SECRET-KEY-."
        )
    try:
        return [pyrage.x25519.Identity.from_str(key) for key in keys]
    except pyrage.IdentityError:
        raise SealingError("That private key is damaged: copy it again, whole.") from None


# Codenames


def _word_list():
    return xkcd_password.generate_wordlist(
        wordfile=xkcd_password.locate_wordfile("eff-long"), min_length=3, max_length=9
    )


def new_codename():
    """Seven random words, as a submitter is to write them down."""
    return xkcd_password.generate_xkcdpassword(_word_list(), numwords=CODENAME_WORDS, delimiter=" ")


def normalise_codename(text):
    """The codename as typed, whatever the case, spacing or hyphens between words."""
    return " ".join(re.split(r"[\s\-_.,]+", text.strip().lower())).strip()[:200]


def derive(codename):
    """(look-up key as hex, the conversation's age identity) for ``codename``."""
    material = hashlib.scrypt(
        normalise_codename(codename).encode(), salt=LOOKUP_SALT, dklen=64, **SCRYPT_COST
    )
    identity = pyrage.x25519.Identity.from_str(bech32("age-secret-key-", material[32:]).upper())
    return material[:32].hex(), identity


# Bech32 (BIP 173), the text form of age keys: only encoding is needed here, to turn
# 32 derived bytes into an identity pyrage reads (which checks the checksum).

BECH32_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
BECH32_GENERATOR = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)


def _bech32_polymod(values):
    checksum = 1
    for value in values:
        top = checksum >> 25
        checksum = (checksum & 0x1FFFFFF) << 5 ^ value
        for bit, generator in enumerate(BECH32_GENERATOR):
            if (top >> bit) & 1:
                checksum ^= generator
    return checksum


def _five_bit_groups(data):
    groups, accumulator, bits = [], 0, 0
    for byte in data:
        accumulator = (accumulator << 8) | byte
        bits += 8
        while bits >= 5:
            bits -= 5
            groups.append((accumulator >> bits) & 31)
    if bits:
        groups.append((accumulator << (5 - bits)) & 31)
    return groups


def bech32(prefix, data):
    groups = _five_bit_groups(data)
    expanded = [ord(c) >> 5 for c in prefix] + [0] + [ord(c) & 31 for c in prefix]
    polymod = _bech32_polymod([*expanded, *groups, 0, 0, 0, 0, 0, 0]) ^ 1
    checksum = [(polymod >> 5 * (5 - i)) & 31 for i in range(6)]
    return prefix + "1" + "".join(BECH32_CHARSET[group] for group in groups + checksum)
