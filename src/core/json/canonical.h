#pragma once

#include <QByteArray>

#include <nlohmann/json.hpp>

namespace statescope::json {

class Document;

// Canonical JSON text, byte for byte what the games' Python pipelines hash:
// json.dumps(json.loads(text), sort_keys=True, separators=(",", ":"), ensure_ascii=False).
// Object keys sorted by code point (the last of equal keys kept), no insignificant white
// space, UTF-8 kept (only ", \ and control characters escaped), integers exact at any
// size ("-0" is 0), other numbers as Python's repr of the double they read as (1.50 ->
// 1.5, 1E2 -> 100.0, 1e16 -> 1e+16, 1e-5 -> 1e-05, 1e400 -> Infinity).
struct PythonCanonical
{
    QByteArray text;
    bool ok = false; // false only for an invalid document
    // Python could not have produced this text: an unpaired surrogate escape (here
    // U+FFFD; Python's UTF-8 encode fails) or an integer of more than 4300 digits
    // (json.loads refuses it).
    bool pythonRefuses = false;
    // The text is not JSON (a number beyond double range became Infinity, as in Python),
    // so jsonb cannot take it: store the document as received.
    bool notJson = false;
};
PythonCanonical pythonCanonical(const Document &document);

// The same canonical form of a document built in memory (the demo generator's).
QByteArray canonical(const nlohmann::json &document);

// Python's repr() of a double: shortest round-trip digits, fixed notation from 1e-4 up to
// 1e16 (with ".0" when whole), else exponent with a sign and at least two digits.
QByteArray pythonFloat(double value);

// Lower-case hex SHA-256 of bytes; of the canonical text for payload_hash.
QByteArray sha256Hex(const QByteArray &bytes);
inline QByteArray payloadHash(const nlohmann::json &document)
{
    return sha256Hex(canonical(document));
}

} // namespace statescope::json
