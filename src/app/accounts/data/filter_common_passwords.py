#!/usr/bin/env python3
"""Builds common_passwords.txt from John the Ripper's password.lst (Debian package john-data).

Usage: python3 filter_common_passwords.py /usr/share/john/password.lst > common_passwords.txt

Keeps, lower-cased and de-duplicated, only the entries a password that passes the length/class
policy (>= 10 characters, 3 of 4 classes) can still match under the comparison in
src/app/accounts/password_rules.cpp (case-insensitive, and again after stripping trailing digits and
symbols):
  - entries ending in a letter: "password" matches "Password123!" once the tail is stripped;
  - entries that could pass the policy themselves (>= 10 characters, 3 classes when letters may
    be of either case).
Entries that can never match such a password (all digits, short ones ending in a digit) would
only make the list longer. The issue's three examples are appended.
"""
import sys

EXTRA = ["password123", "qwerty12345", "admin@12345"]


def classes(word):
    letters = sum(c.isalpha() for c in word)
    n = min(letters, 2)  # a letter may be written in either case
    n += any(c.isdigit() for c in word)
    n += any(not c.isalnum() for c in word)
    return n


def matchable(word):
    if word[-1].isalpha():
        return True
    return len(word) >= 10 and classes(word) >= 3


def main(path):
    seen, out = set(), []
    with open(path, encoding="latin-1") as f:
        for line in f:
            if line.startswith("#!comment"):
                continue
            word = line.rstrip("\r\n").lower()
            if not word or not word.isascii() or word in seen or not matchable(word):
                continue
            seen.add(word)
            out.append(word)
    for word in EXTRA:
        if word not in seen:
            out.append(word)
    sys.stdout.write("".join(w + "\n" for w in out))


if __name__ == "__main__":
    main(sys.argv[1])
