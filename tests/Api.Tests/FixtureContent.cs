namespace NewsApi.Api.Tests;

/// <summary>
/// A small content root written by the tests, for what the real corpus lacks: unpublished articles
/// (<c>published: false</c> and <c>"false"</c>), <c>secured</c> values to look for in responses,
/// negative heat, articles without quality, heat or date, a provider without a domain, one topic
/// spelled several ways, ties in every sort, a non-<c>_news</c> folder, and extra keys.
/// </summary>
public static class FixtureContent
{
    /// <summary>The <c>secured</c> value of every fixture file: none may appear in any response.</summary>
    public static readonly IReadOnlyList<string> SecuredValues =
    [
        "SECURED-ALPHA-c0ffee-Zq81", "SECURED-BRAVO-5eed-Lm22", "SECURED-CHARLIE-d00d-Pp73", "SECURED-DELTA-beef-Xx04",
        "SECURED-ECHO-f00d-Rr55", "SECURED-FOXTROT-cafe-Tt66", "SECURED-GOLF-abba-Gg77", "SECURED-HOTEL-dead-Hh88",
        "SECURED-INDIA-1ce1-Ii99", "SECURED-KILO-0b0e-Kk10",
    ];

    /// <summary>What <c>fx-delta</c>'s unknown keys must be served as, under <c>extra</c>.</summary>
    public const string DeltaExtraJson = """
        {
          "rating": 4.5,
          "views": 1200,
          "offset": -3,
          "flags": ["alpha", "beta"],
          "sponsor": {"name": "Contoso", "tier": 2, "active": true, "contacts": [{"name": "Ann", "phone": "555-0100"}]},
          "Custom_Key": "Kept As Written",
          "quotedNumber": "42"
        }
        """;

    static readonly Dictionary<string, string> Files = new(StringComparer.Ordinal)
    {
        ["_news/fx-alpha.md"] = """
            ---
            title: "Clouds over Contoso: apps everywhere"
            excerpt: "Contoso moves every line-of-business app to the cloud."
            publishedDateTime: 2024-01-10T08:00:00Z
            webUrl: "https://contoso.com/news/alpha"
            originalUrl: "https://contoso.com/news/alpha?src=feed"
            type: article
            quality: 150
            heat: 20
            provider:
              name: Contoso
              domain: contoso.com
              images:
                - url: "https://img.example/contoso-a.png"
                  width: 50
                  height: 50
            topics:
              - Power Apps
              - Fabric
              - fabric
            images:
              - url: "https://img.example/alpha.jpg"
                width: 800
                height: 450
                isCached: true
            secured: "SECURED-ALPHA-c0ffee-Zq81"
            ---
            Body text, not served.
            """,
        ["_news/fx-bravo.md"] = """
            ---
            title: "Soundcloud integrates with Whatsapp"
            excerpt: "Music sharing in chats; nothing about the platform."
            publishedDateTime: 2024-02-01T00:00:00Z
            type: Video
            quality: 90
            heat: -1
            provider:
              name: Contoso
              domain: contoso.com
              images:
                - url: "https://img.example/contoso-a.png"
                  width: 50
                  height: 50
            topics:
              - power apps
            secured: "SECURED-BRAVO-5eed-Lm22"
            ---
            """,
        ["_news/fx-charlie.md"] = """
            ---
            title: "charlie application notes"
            excerpt: "Notes on the Contoso application lifecycle."
            publishedDateTime: 2023-12-01T12:30:00Z
            type: article
            heat: 5
            provider:
              name: Contoso Inc
              domain: CONTOSO.COM
              images:
                - url: "https://img.example/contoso-b.png"
            topics:
              - POWER-APPS
              - AI Builder
            secured: "SECURED-CHARLIE-d00d-Pp73"
            ---
            """,
        ["_news/fx-delta.md"] = """
            ---
            title: "Delta: Dataverse deep dive"
            excerpt: "Tables, columns and relationships."
            type: article
            provider:
              name: Contoso Weekly
            topics: Dataverse
            rating: 4.5
            views: 1200
            offset: -3
            flags:
              - alpha
              - beta
            sponsor:
              name: Contoso
              tier: 2
              active: true
              contacts:
                - name: Ann
                  phone: "555-0100"
            Custom_Key: "Kept As Written"
            quotedNumber: "42"
            secured: "SECURED-DELTA-beef-Xx04"
            ---
            """,
        ["_news/fx-echo.md"] = """
            ---
            title: "Echo: unpublished scoop"
            excerpt: "Never to be served."
            publishedDateTime: 2024-01-15T00:00:00Z
            type: article
            quality: 999
            heat: 999
            published: false
            provider:
              name: Hidden Corp
              domain: hidden.example
            topics:
              - Secret Topic
            secured: "SECURED-ECHO-f00d-Rr55"
            ---
            """,
        ["_news/fx-foxtrot.md"] = """
            ---
            title: "Foxtrot apps draft"
            excerpt: "A draft about clouds and apps."
            publishedDateTime: 2024-01-20T00:00:00Z
            type: article
            quality: 500
            heat: 500
            published: "false"
            provider:
              name: Contoso
              domain: contoso.com
            topics:
              - Power Apps
              - Secret Topic
            related:
              - title: "Draft related"
                webUrl: "https://elsewhere.example/draft"
            secured: "SECURED-FOXTROT-cafe-Tt66"
            ---
            """,
        ["_news/fx-golf.md"] = """
            ---
            category: Blog
            title: "golf ÉCLAIR café"
            excerpt: "Pastry news."
            publishedDateTime: 2023-05-05T05:05:05Z
            type: course
            quality: 100
            heat: -5
            published: true
            provider:
              name: Fabrikam
              domain: fabrikam.com
              images:
                - url: "https://img.example/fabrikam-1.png"
            topics:
              - AWS AI
              - "C#"
            secured: "SECURED-GOLF-abba-Gg77"
            ---
            """,
        ["_news/fx-hotel.md"] = """
            ---
            title: "Hotel apps and clouds"
            excerpt: "Booking apps move to clouds."
            publishedDateTime: 2024-01-10T08:00:00Z
            type: article
            quality: "100"
            heat: 0
            provider:
              name: Fabrikam Media
              domain: fabrikam.com
              images:
                - url: "https://img.example/fabrikam-2.png"
            topics:
              - Fabric
              - Power Apps
            related:
              - title: "Related one"
                excerpt: "First link."
                publishedDateTime: 2024-01-11T00:00:00Z
                webUrl: "https://elsewhere.example/1"
                type: article
                provider:
                  name: Elsewhere
                  domain: elsewhere.example
                quality: 30
              - title: "Related two"
                publishedDateTime: 2024-01-09T00:00:00Z
                webUrl: "https://second.example/2"
                provider:
                  name: Second Site
                images:
                  - url: "https://img.example/related-2.jpg"
                    width: 10
                    height: 20
              - title: "Related three"
                webUrl: "https://third.example/3"
            secured: "SECURED-HOTEL-dead-Hh88"
            ---
            """,
        ["_videos/fx-india.md"] = """
            ---
            title: "India launch video"
            excerpt: "A video from the launch."
            publishedDateTime: 2024-03-01T10:00:00+02:00
            type: video
            quality: 10
            heat: 10
            provider:
              name: Tailspin
              domain: tailspin.example
            topics: []
            secured: "SECURED-INDIA-1ce1-Ii99"
            ---
            """,
        ["_news/fx-lima.md"] = """
            ---
            title: Lima minimal
            ---
            """,
        ["_news/fx-kilo.md"] = """
            ---
            title: "HOTEL APPS AND CLOUDS"
            excerpt: "Same title, other case."
            publishedDateTime: 2024-01-10T08:00:00
            type: article
            quality: 150
            heat: 20
            published: TRUE
            provider:
              name: Northwind
              domain: northwind.example
            topics:
              - ""
              - ~
              - Teams integration
            secured: "SECURED-KILO-0b0e-Kk10"
            ---
            """,
    };

    /// <summary>Writes the fixture files under <paramref name="root"/> and returns it.</summary>
    public static string WriteTo(string root)
    {
        foreach (var (relative, text) in Files)
        {
            var path = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text + "\n");
        }

        return root;
    }
}
