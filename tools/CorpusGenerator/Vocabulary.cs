namespace NewsApi.CorpusGenerator;

/// <summary>The words generated articles are made of. Changing any list changes every corpus generated from it.</summary>
internal static class Vocabulary
{
    public static readonly (string Name, string? Domain)[] SampleProviders =
    [
        ("Microsoft", "microsoft.com"),
        ("TechRepublic", "techrepublic.com"),
        ("ZDNet", "zdnet.com"),
        ("InfoWorld", "infoworld.com"),
        ("GeekWire", "geekwire.com"),
        ("The Verge", "theverge.com"),
        ("VentureBeat", "venturebeat.com"),
        ("Neowin", "neowin.net"),
        ("Business Insider", "businessinsider.com"),
        ("Ars Technica", "arstechnica.com"),
        ("TechCrunch", "techcrunch.com"),
        ("Visual Studio Magazine", "visualstudiomagazine.com"),
        ("AWS Blog", "aws.amazon.com"),
        ("Le Monde Informatique", "lemondeinformatique.fr"),
        ("Community Blog", null),
    ];

    public static readonly (string Name, string? Domain)[] KnownProviders =
    [
        ("Microsoft", "microsoft.com"),
        ("TechRepublic", "techrepublic.com"),
        ("ZDNet", "zdnet.com"),
        ("The Verge", "theverge.com"),
        ("InfoWorld", "infoworld.com"),
        ("GeekWire", "geekwire.com"),
        ("VentureBeat", "venturebeat.com"),
        ("Neowin", "neowin.net"),
        ("Business Insider", "businessinsider.com"),
        ("AOL", "aol.com"),
        ("Ars Technica", "arstechnica.com"),
        ("TechCrunch", "techcrunch.com"),
        ("Wired", "wired.com"),
        ("Visual Studio Magazine", "visualstudiomagazine.com"),
        ("Windows Central", "windowscentral.com"),
        ("The Register", "theregister.com"),
        ("Dark Reading", "darkreading.com"),
        ("CRN", "crn.com"),
        ("TechRadar", "techradar.com"),
        ("Forbes", "forbes.com"),
        ("Reuters", "reuters.com"),
        ("Le Monde Informatique", "lemondeinformatique.fr"),
        ("heise online", "heise.de"),
        ("ITmedia", "itmedia.co.jp"),
        ("日経クロステック", "xtech.nikkei.com"),
        ("Numerama", "numerama.com"),
        ("Golem.de", "golem.de"),
        ("Computerworld", "computerworld.com"),
        ("The New Stack", "thenewstack.io"),
        ("DEV Community", "dev.to"),
        ("YouTube", "youtube.com"),
        ("Stack Overflow Blog", "stackoverflow.blog"),
        ("AWS Blog", "aws.amazon.com"),
        ("Google Cloud Blog", "cloud.google.com"),
        ("Design-Reuse", "design-reuse.com"),
        ("Electronic Design", "electronicdesign.com"),
        ("Digital Journal", "digitaljournal.com"),
        ("Benzinga.com", "benzinga.com"),
        ("Café Numérique", "cafenumerique.fr"),
        ("Señal Tecnológica", "senaltecnologica.es"),
    ];

    public static readonly string[] ProviderPrefixes =
    [
        "Bright", "Cloud", "Daily", "Open", "Silicon", "Byte", "Data", "Code", "Pixel", "Quantum",
        "Nordic", "Pacific", "Metro", "Signal", "Vector", "Blue", "Iron", "Green", "Future", "Café", "Nörd", "Atlas",
    ];

    public static readonly string[] ProviderCores =
    [
        "Wire", "Insider", "Times", "Post", "Journal", "Review", "Digest", "Report", "Weekly", "Monitor",
        "Herald", "Beat", "Pulse", "Lab", "Hub", "Gazette",
    ];

    public static readonly string[] TopLevelDomains = [".com", ".net", ".io", ".co.uk", ".de", ".fr", ".dev"];

    /// <summary>Topic names; their slugs must stay distinct (C# and C++ would both be "c").</summary>
    public static readonly string[] SampleTopics =
    [
        "AI", "AWS AI", "Machine Learning", "C#", ".NET", "Power Apps",
        "Azure", "Security", "DevOps", "Open Source", "Databases", "Café Tech",
    ];

    public static readonly string[] BenchTopics =
    [
        "AI", "AWS AI", "Machine Learning", "Generative AI", "Deep Learning", "C#", ".NET", "F#", "Java", "Python",
        "JavaScript", "TypeScript", "Rust", "Go", "Kotlin", "Swift", "Power Apps", "Power BI", "Power Automate", "Azure",
        "AWS", "Google Cloud", "Kubernetes", "Docker", "DevOps", "GitHub", "Security", "Privacy", "Cloud", "Serverless",
        "Databases", "PostgreSQL", "SQLite", "Data Science", "Big Data", "Analytics", "Open Source", "Linux", "Windows", "macOS",
        "Mobile", "Web Development", "APIs", "Microservices", "Low-Code", "Robotics", "Quantum Computing", "Blockchain", "IoT", "Edge Computing",
        "5G", "Startups", "Careers", "Education", "Fintech", "Gaming", "Café Tech", "Données", "日本語", "Ciberseguridad",
    ];

    public static readonly string[] TitleTemplates =
    [
        "{company} announces {feature} for {topic}",
        "What's new in {topic} this {month}",
        "{n} ways {topic} is changing {industry}",
        "How to build {thing} with {topic}",
        "{topic}: {feature} is now generally available",
        "Getting started with {topic}: a practical guide",
        "Why {audience} are betting on {topic}",
        "{company} expands its {topic} partnership",
        "Inside the {topic} roadmap for {year}",
        "{topic} tips: {n} mistakes to avoid",
        "Report: {topic} adoption doubles among {audience}",
        "Hands-on with the new {topic} tools from {company}",
        "{company} brings {feature} to {topic} in preview",
        "Building {thing} for {industry} with {topic}",
        "The state of {topic} in {year}",
        "{topic} vs. the rest: what {audience} should know",
    ];

    /// <summary>Titles that exercise escapes and scripts: curly and straight quotes, backslashes, accents, CJK, emoji.</summary>
    public static readonly string[] UnicodeTitleTemplates =
    [
        "Les nouveautés de {topic} en {year} : ce qu’il faut savoir",
        "{topic} の最新アップデート（{year}年）",
        "Überblick: {topic} für Entwickler",
        "🚀 {topic} ships {feature}",
        "“{topic}” explained — in plain words",
        "Análisis: ¿está {topic} listo para producción?",
        "{topic} 入门指南",
        "The \"{topic}\" hype, measured",
        "Fixing the C:\\Program Files path bug in {topic}",
        "Zoë’s {topic} café: {n} lessons learned ☕",
    ];

    public static readonly string[] Sentences =
    [
        "{company} said on {weekday} that {feature} will roll out to {audience} over the coming weeks.",
        "The update brings {feature} to {topic}, according to the company’s announcement.",
        "Analysts expect spending on {topic} to grow {n}% in {year}.",
        "“We built this for {audience} who need {feature},” a spokesperson said.",
        "Here is what you need to know before you upgrade.",
        "The preview is available today in {n} regions, with general availability planned for {month}.",
        "Early adopters in {industry} report faster delivery and fewer support tickets.",
        "The team also published a step-by-step tutorial on building {thing}.",
        "Pricing has not been announced yet.",
        "The move puts {company} in direct competition with larger rivals in {topic}.",
        "Developers can try it with the free tier and an existing account.",
        "Catch up on the latest innovations in {topic}, including {feature} and more",
    ];

    public static readonly string[] UnicodeSentences =
    [
        "Les équipes peuvent désormais utiliser {feature} dans {topic}.",
        "詳細は公式ブログをご覧ください。",
        "Ça marche déjà très bien ✨",
        "Große Änderungen für {audience} in {year}.",
        "La adopción de {topic} creció un {n} % según el informe.",
        "It’s “fast”, they say — and the numbers agree 🎉🔥",
        "新功能已在 {n} 个地区上线。",
        "A \"quoted\" remark and a backslash \\ for good measure.",
    ];

    public static readonly string[] Companies =
    [
        "Microsoft", "Amazon", "Google", "IBM", "Oracle", "Salesforce", "GitHub", "Meta", "Nvidia", "OpenAI",
        "SAP", "Adobe", "Atlassian", "Cloudflare", "Red Hat",
    ];

    public static readonly string[] Features =
    [
        "offline support", "a new pricing tier", "faster deployments", "copilot integration", "usage analytics",
        "custom connectors", "vector search", "single sign-on", "audit logs", "model fine-tuning",
        "dark mode", "role-based access control", "cost alerts", "a command-line interface",
    ];

    public static readonly string[] Things =
    [
        "a chatbot", "a sales dashboard", "an approval workflow", "a REST API", "a recommendation engine",
        "a mobile app", "a data pipeline", "an inventory tracker", "a support portal",
    ];

    public static readonly string[] Audiences =
    [
        "developers", "enterprises", "startups", "small businesses", "data teams", "IT admins", "students", "makers",
    ];

    public static readonly string[] Industries =
    [
        "healthcare", "retail", "banking", "education", "manufacturing", "logistics", "government", "media",
    ];

    public static readonly string[] Months =
    [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ];

    public static readonly string[] Weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

    public static readonly string[] Authors =
    [
        "Jane Doe", "Ravi Patel", "José Álvarez", "Zoë Chen", "Mika Häkkinen", "Aiko Tanaka", "Sam O'Neil",
    ];

    public static readonly string[] Tags =
    [
        "cloud", "ai", "tutorial", "release", "opinion", "security", "preview", "webinar", "podcast",
    ];

    public static readonly (int Width, int Height)[] ImageSizes =
    [
        (1200, 675), (1400, 785), (630, 355), (1280, 720), (800, 450), (1024, 576), (1600, 900),
    ];
}
