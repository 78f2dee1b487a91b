using Bogus;

namespace LinkedIn.Simulator.State;

/// <summary>A LinkedIn member of the seeded world (five named accounts, then generated people).</summary>
internal sealed record Member(
    string Id, string FirstName, string LastName, string Headline, string Company, string Title,
    string City, string Region, string CountryCode, string ProfileUrl, string Phone, string Email,
    bool SharesPhone, bool SharesEmail)
{
    public string Urn => $"urn:li:person:{Id}";
    public string Name => $"{FirstName} {LastName}";
}

/// <summary>A LinkedIn Recruiter contract of the organisation.</summary>
internal sealed record Contract(string Urn, string Name, string Organization);

/// <summary>A Recruiter seat: a member's licence on a contract (admin or not).</summary>
internal sealed record Seat(string Urn, string Contract, string MemberId, string SeatType, bool Admin, bool Active = true);

/// <summary>The fixed, deterministic world: members, the organisation, contracts, seats and accounts.</summary>
internal sealed class SeededWorld
{
    public const string Password = "Passw0rd!";
    public const string Organization = "urn:li:organization:1001";
    public const string OrganizationName = "Contoso";
    public const string GlobalContract = "urn:li:contract:7001";
    public const string EmeaContract = "urn:li:contract:7002";

    public IReadOnlyList<Member> Members { get; }
    public IReadOnlyDictionary<string, Member> ById { get; }
    public IReadOnlyList<Contract> Contracts { get; } =
    [
        new(GlobalContract, "Contoso – Global", Organization),
        new(EmeaContract, "Contoso – EMEA", Organization),
    ];
    public IReadOnlyList<Seat> Seats { get; }

    public SeededWorld(int memberCount)
    {
        var members = new List<Member>
        {
            new("aB3xYz", "Avery", "Admin", "Talent Acquisition Lead at Contoso", "Contoso", "Talent Acquisition Lead", "Seattle", "Washington", "us", "https://www.linkedin.com/in/avery-admin", "+1 206 555 0100", "admin@linkedin.test", true, true),
            new("rC7kLm", "Riley", "Recruiter", "Senior Technical Recruiter at Contoso", "Contoso", "Senior Technical Recruiter", "Seattle", "Washington", "us", "https://www.linkedin.com/in/riley-recruiter", "+1 206 555 0101", "recruiter@linkedin.test", true, true),
            new("hM4nPq", "Harper", "Manager", "Engineering Manager at Contoso", "Contoso", "Engineering Manager", "Redmond", "Washington", "us", "https://www.linkedin.com/in/harper-manager", "+1 425 555 0102", "hiring.manager@linkedin.test", true, true),
            new("cS8tUv", "Casey", "Colleague", "Recruiter at Contoso", "Contoso", "Recruiter", "Austin", "Texas", "us", "https://www.linkedin.com/in/casey-colleague", "+1 512 555 0103", "casey.colleague@linkedin.test", true, true),
            new("jW2xYa", "Jordan", "Sourcer", "Sourcing Specialist at Contoso", "Contoso", "Sourcing Specialist", "Dublin", "Leinster", "ie", "https://www.linkedin.com/in/jordan-sourcer", "+353 1 555 0104", "jordan.sourcer@linkedin.test", true, true),
        };
        var faker = new Faker("en") { Random = new Randomizer(1001) };
        string[] companies = ["Fabrikam", "Northwind Traders", "Adventure Works", "Tailspin Toys", "Wingtip Toys", "Litware", "Proseware", "Woodgrove Bank", "Fourth Coffee", "Alpine Ski House", "Blue Yonder Airlines", "Coho Winery", "Humongous Insurance", "Lamna Healthcare", "Margie's Travel", "Trey Research", "Wide SeededWorld Importers", "Graphic Design Institute", "Relecloud", "VanArsdel"];
        string[] titles = ["Software Engineer", "Senior Backend Engineer", "Frontend Developer", "Data Scientist", "Product Manager", "DevOps Engineer", "QA Engineer", "Engineering Manager", "UX Designer", "Data Engineer", "Site Reliability Engineer", "Solutions Architect", "Technical Program Manager", "Mobile Developer", "Security Engineer", "Machine Learning Engineer", "Business Analyst", "Account Executive", "Marketing Manager", "HR Business Partner"];
        (string City, string Region, string Cc, string Phone)[] places =
        [
            ("Seattle", "Washington", "us", "+1 206"), ("San Francisco", "California", "us", "+1 415"), ("New York", "New York", "us", "+1 212"),
            ("Austin", "Texas", "us", "+1 512"), ("Chicago", "Illinois", "us", "+1 312"), ("Boston", "Massachusetts", "us", "+1 617"),
            ("London", "England", "gb", "+44 20"), ("Manchester", "England", "gb", "+44 161"), ("Dublin", "Leinster", "ie", "+353 1"),
            ("Berlin", "Berlin", "de", "+49 30"), ("Amsterdam", "North Holland", "nl", "+31 20"), ("Paris", "Île-de-France", "fr", "+33 1"),
            ("Toronto", "Ontario", "ca", "+1 416"), ("Sydney", "New South Wales", "au", "+61 2"),
        ];
        const string alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        var used = new HashSet<string>(members.Select(m => m.Id), StringComparer.Ordinal);
        for (var i = 0; i < memberCount; i++)
        {
            var first = faker.Name.FirstName();
            var last = faker.Name.LastName();
            string id;
            do
            {
                id = new string(Enumerable.Range(0, 6).Select(_ => alphabet[faker.Random.Int(0, alphabet.Length - 1)]).ToArray());
            }
            while (!used.Add(id));
            var company = faker.PickRandom(companies);
            var title = faker.PickRandom(titles);
            var senior = faker.Random.Int(0, 3) == 0 ? "Senior " : "";
            if (title.StartsWith("Senior", StringComparison.Ordinal))
            {
                senior = "";
            }
            var place = faker.PickRandom(places);
            var slug = $"{Slug(first)}-{Slug(last)}-{id[..4].ToLowerInvariant()}";
            var phone = $"{place.Phone} {faker.Random.Int(200, 999)} {faker.Random.Int(1000, 9999)}";
            var email = $"{Slug(first)}.{Slug(last)}{faker.Random.Int(1, 99)}@{faker.PickRandom("example.com", "mail.test", "contoso-mail.test", "outlook.test")}";
            members.Add(new(id, first, last, $"{senior}{title} at {company}", company, senior + title, place.City, place.Region, place.Cc,
                $"https://www.linkedin.com/in/{slug}", phone, email, faker.Random.Bool(0.4f), faker.Random.Bool(0.6f)));
        }
        Members = members;
        ById = members.ToDictionary(m => m.Id, StringComparer.Ordinal);
        _byEmail = members.GroupBy(m => m.Email, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        _byUrl = members.GroupBy(m => NormalizeProfileUrl(m.ProfileUrl), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _byPhone = members.GroupBy(m => Last10(Digits(m.Phone)), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _byName = members.GroupBy(m => NameKey(m.FirstName, m.LastName, m.Company), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        Seats =
        [
            new("urn:li:seat:9001", GlobalContract, "aB3xYz", "RECRUITER_PROFESSIONAL", true),
            new("urn:li:seat:9002", GlobalContract, "rC7kLm", "RECRUITER_PROFESSIONAL", false),
            new("urn:li:seat:9003", GlobalContract, "hM4nPq", "HIRING_MANAGER", false),
            new("urn:li:seat:9004", GlobalContract, "cS8tUv", "RECRUITER_PROFESSIONAL", false),
            new("urn:li:seat:9005", GlobalContract, "jW2xYa", "RECRUITER_PROFESSIONAL", false),
            new("urn:li:seat:9101", EmeaContract, "aB3xYz", "RECRUITER_PROFESSIONAL", true),
        ];
    }

    public static string Slug(string s) => new(s.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());

    private readonly Dictionary<string, Member> _byEmail;
    private readonly Dictionary<string, Member> _byUrl;
    private readonly Dictionary<string, Member> _byPhone;
    private readonly Dictionary<string, Member> _byName;

    public static string Last10(string digits) => digits.Length > 10 ? digits[^10..] : digits;

    public static string NameKey(string first, string last, string company) =>
        $"{first.Trim().ToLowerInvariant()}|{last.Trim().ToLowerInvariant()}|{company.Trim().ToLowerInvariant()}";

    public Member? FindByEmail(string email) => _byEmail.GetValueOrDefault(email.Trim());

    public Member? FindByProfileUrl(string normalized) => _byUrl.GetValueOrDefault(normalized);

    public Member? FindByPhone(string digits)
    {
        var key = Last10(digits);
        return _byPhone.GetValueOrDefault(key) ?? (key.Length >= 7 ? _byPhone.Values.FirstOrDefault(m => Digits(m.Phone).EndsWith(key, StringComparison.Ordinal)) : null);
    }

    public Member? FindByNameAndCompany(string first, string last, string company) => _byName.GetValueOrDefault(NameKey(first, last, company));

    public Member? FindByUrn(string? urn) =>
        urn is not null && urn.StartsWith("urn:li:person:", StringComparison.Ordinal) ? ById.GetValueOrDefault(urn["urn:li:person:".Length..]) : null;

    public IEnumerable<Seat> SeatsOf(string memberId) => Seats.Where(s => s.MemberId == memberId);

    public Seat? SeatByUrn(string? urn) => Seats.FirstOrDefault(s => s.Urn == urn);

    public Contract? ContractByUrn(string? urn) => Contracts.FirstOrDefault(c => c.Urn == urn);

    public IEnumerable<Member> Search(string? q)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return Members;
        }
        var terms = q.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return Members.Where(m => terms.All(t =>
            m.Name.Contains(t, StringComparison.OrdinalIgnoreCase) || m.Headline.Contains(t, StringComparison.OrdinalIgnoreCase) ||
            m.City.Contains(t, StringComparison.OrdinalIgnoreCase) || m.Email.Contains(t, StringComparison.OrdinalIgnoreCase)));
    }

    public static string Digits(string? s) => s is null ? "" : new string(s.Where(char.IsAsciiDigit).ToArray());

    public static string NormalizeProfileUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return "";
        }
        var u = url.Trim().ToLowerInvariant();
        var i = u.IndexOf("linkedin.com/in/", StringComparison.Ordinal);
        return i < 0 ? u.TrimEnd('/') : u[(i + "linkedin.com/in/".Length)..].TrimEnd('/');
    }
}
