#include "EntryGenerator.h"

#include <array>
#include <random>
#include <string_view>

namespace tessera::bench {
namespace {

struct Service {
    const char16_t* name;
    const char16_t* domain;
};

constexpr std::array Services{
    Service{u"GitHub", u"github.com"},
    Service{u"GitLab", u"gitlab.com"},
    Service{u"Google", u"accounts.google.com"},
    Service{u"Amazon", u"amazon.com"},
    Service{u"Netflix", u"netflix.com"},
    Service{u"Dropbox", u"dropbox.com"},
    Service{u"Slack", u"slack.com"},
    Service{u"Atlassian", u"id.atlassian.com"},
    Service{u"Microsoft", u"login.live.com"},
    Service{u"Apple", u"appleid.apple.com"},
    Service{u"PayPal", u"paypal.com"},
    Service{u"First Bank", u"firstbank.example"},
    Service{u"Nextcloud", u"cloud.example.org"},
    Service{u"Fastmail", u"fastmail.com"},
    Service{u"Reddit", u"reddit.com"},
    Service{u"LinkedIn", u"linkedin.com"},
    Service{u"Steam", u"store.steampowered.com"},
    Service{u"Home router", u"192.168.1.1"},
    Service{u"Hetzner", u"accounts.hetzner.com"},
    Service{u"Électricité", u"espace-client.example.fr"},
};
constexpr std::array Contexts{u"work", u"personal", u"family", u"old", u"test", u"shared"};
constexpr std::array FirstNames{u"alice",  u"bob",   u"carol", u"dave",   u"erin",   u"frank",
                                u"grace",  u"heidi", u"ivan",  u"judy",   u"olivia", u"peggy",
                                u"rupert", u"sybil", u"trent", u"victor", u"walter", u"zoë"};
constexpr std::array LastNames{u"smith",    u"jones", u"müller", u"garcia", u"nguyen",
                               u"kowalski", u"rossi", u"dubois", u"tanaka", u"okafor"};
constexpr std::array MailDomains{u"example.com", u"example.org", u"mail.example.net"};
constexpr std::array Tags{u"2fa",      u"shared", u"finance",   u"dev",   u"social",
                          u"shopping", u"legacy", u"important", u"travel"};
constexpr std::array Folders{u"Work/Email",       u"Work/Dev",        u"Work/Cloud",
                             u"Personal/Finance", u"Personal/Social", u"Personal/Shopping",
                             u"Family/Shared",    u"Archive/2019",    u""};
constexpr std::string_view PasswordAlphabet =
    "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789!#$%&*+-=?@_";
constexpr std::string_view Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

constexpr int PasswordLength = 20;
constexpr int TotpSecretLength = 32;
constexpr int RecoveryCodeGroups = 4;
constexpr int RecoveryGroupLength = 4;
constexpr int MaxUrls = 3;
constexpr int MaxTags = 3;
// Shares of entries, in percent, that carry an optional part.
constexpr int NotesPercent = 30;
constexpr int FieldsPercent = 20;
constexpr int TotpPercent = 15;
constexpr int FavouritePercent = 5;
constexpr int PercentRange = 100;

// One generator per entry, seeded from the index, so entry i never depends on entries before it.
class Draw {
public:
    Draw(std::uint64_t seed, int index)
        : m_random(seed ^ (std::uint64_t(index) * GoldenRatio)) {}

    template <typename Array> auto pick(const Array& values) {
        return values[below(int(values.size()))];
    }
    int below(int bound) { return std::uniform_int_distribution<int>(0, bound - 1)(m_random); }
    bool percent(int share) { return below(PercentRange) < share; }
    SecureBuffer text(std::string_view alphabet, int length) {
        SecureBuffer out;
        for (int i = 0; i < length; ++i)
            out.appendByte(
                static_cast<unsigned char>(alphabet[std::size_t(below(int(alphabet.size())))]));
        return out;
    }

private:
    static constexpr std::uint64_t GoldenRatio = 0x9e3779b97f4a7c15ULL;
    std::mt19937_64 m_random;
};

QString str(const char16_t* text) {
    return QString::fromUtf16(text);
}

SecureBuffer secureText(const QString& text) {
    const QByteArray utf8 = text.toUtf8();
    return SecureBuffer::copyOf(utf8.constData(), std::size_t(utf8.size()));
}

// The title comes from the first draws, so title() and entry() agree.
QString drawTitle(Draw& draw, const Service& service, int index) {
    return QStringLiteral("%1 — %2 %3").arg(str(service.name), str(draw.pick(Contexts))).arg(index);
}

} // namespace

QString EntryGenerator::title(int index) const {
    Draw draw(m_seed, index);
    const Service service = draw.pick(Services);
    return drawTitle(draw, service, index);
}

EntryChanges EntryGenerator::entry(int index) const {
    Draw draw(m_seed, index);
    const Service service = draw.pick(Services);
    EntryChanges changes;
    changes.title = drawTitle(draw, service, index);

    const QString first = str(draw.pick(FirstNames));
    const QString last = str(draw.pick(LastNames));
    changes.username = QStringLiteral("%1.%2%3@%4")
                           .arg(first, last)
                           .arg(index % PercentRange)
                           .arg(str(draw.pick(MailDomains)));

    const QString domain = str(service.domain);
    const QStringList urlChoices{QStringLiteral("https://%1/login").arg(domain),
                                 QStringLiteral("https://%1").arg(domain),
                                 QStringLiteral("https://app.%1/settings/security").arg(domain)};
    changes.urls = urlChoices.mid(0, 1 + draw.below(MaxUrls));

    QStringList tags;
    for (int count = draw.below(MaxTags + 1); count > 0; --count) {
        const QString tag = str(draw.pick(Tags));
        if (!tags.contains(tag))
            tags.append(tag);
    }
    changes.tags = tags;
    changes.folder = str(draw.pick(Folders));
    changes.password = draw.text(PasswordAlphabet, PasswordLength);

    if (draw.percent(NotesPercent))
        changes.notes = secureText(
            QStringLiteral(
                "Security questions set in 2021; the support PIN is in the paper folder.\n"
                "Account %1 — renew the card before it expires.")
                .arg(index));
    if (draw.percent(FieldsPercent)) {
        SecureBuffer recovery;
        for (int group = 0; group < RecoveryCodeGroups; ++group) {
            if (group > 0)
                recovery.appendByte('-');
            recovery.append(draw.text(Base32Alphabet, RecoveryGroupLength));
        }
        changes.fields.push_back({QStringLiteral("Recovery code"), std::move(recovery), true});
        changes.fields.push_back({QStringLiteral("Customer number"),
                                  secureText(QStringLiteral("C-%1").arg(index)), false});
    }
    if (draw.percent(TotpPercent))
        changes.totp = draw.text(Base32Alphabet, TotpSecretLength);
    changes.favourite = draw.percent(FavouritePercent);
    return changes;
}

} // namespace tessera::bench
