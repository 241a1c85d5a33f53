#pragma once

#include <QByteArray>

#include <nlohmann/json.hpp>

namespace statescope::json {

// Canonical JSON text: object keys sorted by code point, no insignificant white space,
// UTF-8 without \u escapes for non-ASCII. Two documents with the same content give the
// same bytes, whatever order the keys came in.
QByteArray canonical(const nlohmann::json &document);

// Lower-case hex SHA-256 of bytes; of canonical() for payload_hash.
QByteArray sha256Hex(const QByteArray &bytes);
inline QByteArray payloadHash(const nlohmann::json &document)
{
    return sha256Hex(canonical(document));
}

} // namespace statescope::json
