//! Demo groups for `kolega seed-demo`, with threads and replies from
//! members of several countries.

use chrono::{Duration, Utc};
use sqlx::PgPool;
use uuid::Uuid;

use super::store::{self, NewGroup, NewPost};
use super::vocabulary::Visibility;
use crate::members::store::find_user_by_email;
use crate::text::markdown;

struct DemoGroup {
    slug: &'static str,
    name: &'static str,
    description: &'static str,
    visibility: &'static str,
    topics: &'static [&'static str],
    allow_anonymous: bool,
    join_code: Option<&'static str>,
    owner: &'static str,
    members: &'static [&'static str],
    threads: &'static [DemoThread],
}

/// (author, title, first post, replies (author, text))
type DemoThread = (
    &'static str,
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
);

const JELENA: &str = "jelena.stojanovic@kolega.example";
const NIKOLA: &str = "nikola.djordjevic@kolega.example";
const ANA: &str = "ana.vukovic@kolega.example";
const MILICA: &str = "milica.jovanovic@kolega.example";
const DRAGANA: &str = "dragana.petrovic@kolega.example";
const MARKO: &str = "marko.ilic@kolega.example";
const SARA: &str = "sara.nikolic@kolega.example";

const GROUPS: &[DemoGroup] = &[
    DemoGroup {
        slug: "briga-o-sebi",
        name: "Briga o sebi — razgovori kolega",
        description: "Grupa za razgovor o stresu, sagorevanju i brizi o sebi. **Čitaju je samo članovi grupe**, a možete pisati i anonimno. Za razgovor nasamo sa jednim kolegom iz tima za podršku izaberite [Poverljivu podršku](/support).",
        // Members only: what is written here anonymously is written in
        // confidence (the rule the groups table holds too).
        visibility: "closed",
        topics: &["mentalno zdravlje i sagorevanje"],
        allow_anonymous: true,
        join_code: None,
        owner: MILICA,
        members: &[JELENA, NIKOLA, ANA],
        threads: &[(
            NIKOLA,
            "Kako se isključiti posle teškog dežurstva?",
            "Posle vikend-dežurstva teško spavam i stalno mislim na slučajeve. Šta vama pomaže?",
            &[
                (
                    ANA,
                    "Meni pomaže kratka šetnja odmah posle smene i dogovor sa koleginicom da razgovaramo pet minuta pre odlaska kući.",
                ),
                (
                    MILICA,
                    "Supervizija je tu da pomogne. Predlažem da ovu temu otvorimo i na sledećem supervizijskom susretu.",
                ),
            ],
        )],
    },
    DemoGroup {
        slug: "nasilje-u-porodici-praksa-csr",
        name: "Nasilje u porodici — praksa CSR",
        description: "Zatvorena grupa za praktičare centara za socijalni rad: procena rizika, planovi zaštite, saradnja sa policijom i tužilaštvom.",
        visibility: "closed",
        topics: &["nasilje u porodici"],
        allow_anonymous: false,
        join_code: None,
        owner: ANA,
        members: &[JELENA, NIKOLA],
        threads: &[(
            ANA,
            "Grupa za koordinaciju i saradnju — iskustva",
            "Kako kod vas izgleda rad grupe za koordinaciju? Koliko često se sastajete i ko vodi zapisnik?",
            &[(
                JELENA,
                "Kod nas u Vranju sastanci su dva puta mesečno, a zapisnik vodi tužilaštvo. Najviše pomaže jasna podela zadataka posle svakog sastanka.",
            )],
        )],
    },
    DemoGroup {
        slug: "studenti-strucna-praksa-2026",
        name: "Studenti — stručna praksa 2026",
        description: "Grupa predmeta Stručna praksa. Studenti se učlanjuju kodom koji dobiju na času.",
        visibility: "closed",
        topics: &["obrazovanje"],
        allow_anonymous: false,
        join_code: Some("PRAKSA26"),
        owner: DRAGANA,
        members: &[MARKO, SARA],
        threads: &[(
            DRAGANA,
            "Dnevnik prakse — uputstvo",
            "Dnevnik prakse vodite svake nedelje. Opišite zadatke i šta ste naučili, **bez podataka o korisnicima**.",
            &[
                (MARKO, "Da li dnevnik predajemo štampan ili elektronski?"),
                (DRAGANA, "Elektronski, do kraja semestra."),
            ],
        )],
    },
    DemoGroup {
        slug: "hraniteljstvo",
        name: "Hraniteljstvo",
        description: "Podrška hraniteljskim porodicama, obuke hranitelja i rad sa decom na smeštaju.",
        visibility: "public",
        topics: &["hraniteljstvo", "zaštita dece"],
        allow_anonymous: false,
        join_code: None,
        owner: JELENA,
        members: &[ANA, SARA],
        threads: &[(
            JELENA,
            "Priprema deteta za povratak u biološku porodicu",
            "Koje korake koristite kada se planira povratak deteta? Posebno me zanima uključivanje hranitelja.",
            &[(
                ANA,
                "U Podgorici radimo postepeno: prvo vikend posete, pa duži boravci, uz redovne razgovore sa hraniteljima.",
            )],
        )],
    },
    DemoGroup {
        slug: "rad-sa-migrantima",
        name: "Rad sa migrantima",
        description: "Iskustva iz rada sa izbeglicama i migrantima, posebno sa decom bez pratnje.",
        visibility: "public",
        topics: &["migranti i izbeglice"],
        allow_anonymous: false,
        join_code: None,
        owner: NIKOLA,
        members: &[MARKO],
        threads: &[],
    },
];

pub async fn seed(pool: &PgPool) -> anyhow::Result<usize> {
    let mut created = 0;
    for demo in GROUPS {
        let mut tx = pool.begin().await?;
        if store::slug_taken(&mut *tx, demo.slug).await? {
            continue;
        }
        let Some(owner) = find_user_by_email(&mut *tx, demo.owner).await? else {
            continue;
        };
        // Activity spread over the last weeks, so the lists look lived in.
        let mut at = Utc::now() - Duration::days(20 - created as i64 * 3);
        let topics: Vec<String> = demo.topics.iter().map(|t| t.to_string()).collect();
        let group_id = store::create_group(
            &mut tx,
            &NewGroup {
                slug: demo.slug,
                name: demo.name,
                description: demo.description,
                visibility: Visibility::parse(demo.visibility).unwrap_or(Visibility::Secret),
                language: "sr",
                topics: &topics,
                allow_anonymous: demo.allow_anonymous,
                join_code: demo.join_code,
            },
            owner.user_id,
            at,
        )
        .await?;
        for email in demo.members {
            if let Some(member) = find_user_by_email(&mut *tx, email).await? {
                store::activate_member(&mut tx, group_id, member.user_id, at).await?;
            }
        }
        for (author, title, body, replies) in demo.threads {
            let Some(author) = user_id(&mut tx, author).await? else {
                continue;
            };
            at += Duration::hours(5);
            let post = NewPost {
                pending: false,
                author,
                title,
                anonymous: demo.allow_anonymous,
                body,
                body_html: &markdown::render(body),
            };
            let thread_id = store::create_thread(&mut tx, group_id, title, &post, at).await?;
            for (reply_author, text) in *replies {
                let Some(reply_author) = user_id(&mut tx, reply_author).await? else {
                    continue;
                };
                at += Duration::hours(7);
                let reply = NewPost {
                    pending: false,
                    author: reply_author,
                    title: "",
                    anonymous: false,
                    body: text,
                    body_html: &markdown::render(text),
                };
                store::add_post(&mut tx, thread_id, &reply, at).await?;
            }
        }
        tx.commit().await?;
        created += 1;
    }
    Ok(created)
}

async fn user_id(conn: &mut sqlx::PgConnection, email: &str) -> sqlx::Result<Option<Uuid>> {
    Ok(find_user_by_email(conn, email).await?.map(|u| u.user_id))
}
