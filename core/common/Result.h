#pragma once
// Errors are values: every core boundary returns a Result<T> (or Status) that carries either a
// value or an Error with a code callers can branch on and a one-line message users can act on.

#include <QString>

#include <cassert>
#include <utility>
#include <variant>

namespace tessera {

enum class ErrorCode {
    WrongPassword,   // the password (or secret key) does not open this vault
    NotAVault,       // the file is not a Tessera vault at all
    NewerVersion,    // made by a newer Tessera; this version cannot read it
    Damaged,         // the file is a vault but cannot be read intact
    Tampered,        // integrity checks failed: rows, manifest, epoch links or header
    NotFound,        // no such entry, attachment or file
    Ambiguous,       // a title matched several entries
    ChangedOnDisk,   // the published vault changed since this device loaded it
    TooLarge,        // an input is above a documented limit
    InvalidArgument, // the caller asked for something impossible
    Io,              // the operating system refused a file operation
    ResourceLimit,   // e.g. the KDF would need more memory than this machine has
    Locked,          // the vault is locked
    OtherVault,       // a file given to merge is a different vault
    PasswordNeeded,   // a file is under another master password or key settings: ask for it
    OlderEpoch,       // a file is at an older key epoch (made under an old master password)
    PossibleRollback, // a file is behind what this device has seen of the vault
};

struct Error {
    ErrorCode code;
    QString message;
};

template <typename T> class [[nodiscard]] Result {
public:
    Result(T value)
        : m_state(std::move(value)) {}
    Result(Error error)
        : m_state(std::move(error)) {}

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & {
        assert(ok());
        return std::get<0>(m_state);
    }
    T&& value() && {
        assert(ok());
        return std::get<0>(std::move(m_state));
    }
    const T& value() const& {
        assert(ok());
        return std::get<0>(m_state);
    }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() { return value(); }

    const Error& error() const {
        assert(!ok());
        return std::get<1>(m_state);
    }
    ErrorCode code() const { return error().code; }

private:
    std::variant<T, Error> m_state;
};

// Result of an operation that yields nothing but success or an Error.
class [[nodiscard]] Status {
public:
    Status() = default;
    Status(Error error)
        : m_error(std::move(error))
        , m_failed(true) {}

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error& error() const {
        assert(m_failed);
        return m_error;
    }
    ErrorCode code() const { return error().code; }

private:
    Error m_error{ErrorCode::InvalidArgument, {}};
    bool m_failed = false;
};

inline Error makeError(ErrorCode code, const QString& message) {
    return Error{code, message};
}

} // namespace tessera

// Propagate an error from an expression returning Result or Status.
#define TESSERA_TRY(expr)                                                                          \
    do {                                                                                           \
        if (auto&& TESSERA_TRY_NAME(tesseraStatus_, __LINE__) = (expr);                            \
            !TESSERA_TRY_NAME(tesseraStatus_, __LINE__).ok())                                      \
            return TESSERA_TRY_NAME(tesseraStatus_, __LINE__).error();                             \
    } while (false)
#define TESSERA_TRY_NAME(base, line) TESSERA_TRY_CONCAT(base, line)
#define TESSERA_TRY_CONCAT(base, line) base##line
