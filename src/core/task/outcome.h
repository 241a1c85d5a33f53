#pragma once

#include "core/error.h"

#include <optional>
#include <variant>

namespace statescope {

// What a background task hands back to the thread that asked: a value or an Error.
// Plain value type, so it crosses threads by copy.
struct Done
{};

template <class T> class Outcome
{
public:
    Outcome() : m_data(Error(Error::Kind::Internal, QStringLiteral("No result"))) {}
    Outcome(T value) : m_data(std::move(value)) {}
    Outcome(Error error) : m_data(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_data); }
    const T &value() const { return std::get<T>(m_data); }
    const Error &error() const { return std::get<Error>(m_data); }
    bool cancelled() const { return !ok() && error().kind() == Error::Kind::Cancelled; }

private:
    std::variant<T, Error> m_data;
};

} // namespace statescope
