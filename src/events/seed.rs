//! Demo events for `kolega seed-demo`: past and upcoming webinars with
//! registrations, a regional meeting, a round table in a municipality, and
//! a supervision group with its meetings. Running it twice adds nothing.

use chrono::{DateTime, Duration, Utc};
use sqlx::PgPool;

use super::attendance;
use super::registration;
use super::store::{self, EventInput};
use super::vocabulary::{Audience, EventKind};
use crate::groups::store::{self as groups_store, NewGroup};
use crate::members::store::find_user_by_email;

const DRAGANA: &str = "dragana.petrovic@kolega.example";
const MILICA: &str = "milica.jovanovic@kolega.example";
const JELENA: &str = "jelena.stojanovic@kolega.example";
const NIKOLA: &str = "nikola.djordjevic@kolega.example";
const ANA: &str = "ana.vukovic@kolega.example";
const MARKO: &str = "marko.ilic@kolega.example";
const SARA: &str = "sara.nikolic@kolega.example";

struct DemoEvent {
    kind: EventKind,
    title: &'static str,
    description: &'static str,
    /// Days from today (negative: in the past) and the Belgrade hour.
    in_days: i64,
    hour: u32,
    hours_long: i64,
    speakers: &'static str,
    capacity: Option<i32>,
    online: bool,
    address: &'static str,
    city: &'static str,
    points: i32,
    organiser: &'static str,
    registrants: &'static [&'static str],
}

const EVENTS: &[DemoEvent] = &[
    DemoEvent {
        kind: EventKind::Webinar,
        title: "Lična briga o mentalnom zdravlju u stresnim situacijama",
        description: "Kako prepoznati znake sagorevanja kod sebe i kolega, i šta možemo da uradimo **danas**: kratke tehnike, podrška tima i supervizija.",
        in_days: -21,
        hour: 18,
        hours_long: 2,
        speakers: "doc. dr Vesna Marković, Fakultet političkih nauka",
        capacity: Some(100),
        online: true,
        address: "",
        city: "",
        points: 3,
        organiser: DRAGANA,
        registrants: &[JELENA, NIKOLA, ANA, MARKO],
    },
    DemoEvent {
        kind: EventKind::Webinar,
        title: "Hitno zbrinjavanje zbog nasilja u porodici",
        description: "Procena bezbednosti, hitne mere i saradnja sa policijom i tužilaštvom — primeri iz prakse centara za socijalni rad.",
        in_days: 9,
        hour: 18,
        hours_long: 2,
        speakers: "Jelena Stojanović, CSR Niš",
        capacity: Some(80),
        online: true,
        address: "",
        city: "",
        points: 4,
        organiser: DRAGANA,
        registrants: &[NIKOLA, ANA, SARA],
    },
    DemoEvent {
        kind: EventKind::Webinar,
        title: "Uloga Crvenog krsta u lokalnoj mreži podrške",
        description: "Narodne kuhinje, pomoć u kući i rad sa izbeglicama: kako da centar za socijalni rad i Crveni krst rade zajedno.",
        in_days: 23,
        hour: 17,
        hours_long: 1,
        speakers: "predstavnici Crvenog krsta Srbije",
        capacity: None,
        online: true,
        address: "",
        city: "",
        points: 0,
        organiser: MILICA,
        registrants: &[MARKO],
    },
    DemoEvent {
        kind: EventKind::RegionalMeeting,
        title: "Regionalni sastanak: Jug Srbije",
        description: "Razmena iskustava centara za socijalni rad iz Vranja, Bele Palanke i Doljevca; mapiranje usluga u opštinama.",
        in_days: 16,
        hour: 10,
        hours_long: 5,
        speakers: "",
        capacity: Some(40),
        online: false,
        address: "Kralja Milana 12",
        city: "Vranje",
        points: 6,
        organiser: MILICA,
        registrants: &[JELENA, NIKOLA],
    },
    DemoEvent {
        kind: EventKind::RoundTable,
        title: "Okrugli sto: usluge socijalne zaštite u Šidu",
        description: "Ko pruža koje usluge u opštini i gde su praznine — sa predstavnicima lokalne samouprave.",
        in_days: 30,
        hour: 11,
        hours_long: 3,
        speakers: "",
        capacity: Some(30),
        online: false,
        address: "Karađorđeva 2",
        city: "Šid",
        points: 0,
        organiser: MILICA,
        registrants: &[ANA],
    },
];

const FEEDBACK: [(i16, &str); 3] = [
    (5, "Veoma korisno, posebno tehnike za kraj smene."),
    (4, "Volela bih nastavak o superviziji u timu."),
    (5, ""),
];

/// Seeds the demo events; returns how many it created.
pub async fn seed(pool: &PgPool) -> anyhow::Result<usize> {
    let mut created = 0;
    for demo in EVENTS {
        let input = EventInput {
            kind: demo.kind,
            title: demo.title.into(),
            description: demo.description.into(),
            starts_at: at(demo.in_days, demo.hour),
            ends_at: at(demo.in_days, demo.hour) + Duration::hours(demo.hours_long),
            language: "sr".into(),
            speakers: demo.speakers.into(),
            audience: Audience::Public,
            group_id: None,
            capacity: demo.capacity,
            registration_deadline: None,
            online_link: if demo.online {
                "https://meet.kolega.example/webinar".into()
            } else {
                String::new()
            },
            place_address: demo.address.into(),
            city: demo.city.into(),
            points: demo.points,
            accreditation_number: String::new(),
        };
        if add(pool, &input, demo.organiser, demo.registrants).await? {
            created += 1;
        }
    }
    created += seed_supervision(pool).await?;
    Ok(created)
}

/// A supervisor's secret group with two supervisees and two meetings.
async fn seed_supervision(pool: &PgPool) -> anyhow::Result<usize> {
    let slug = "supervizija-csr-nis";
    let Some(supervisor) = find_user_by_email(pool, DRAGANA).await? else {
        return Ok(0);
    };
    let group_id = match groups_store::find_group(pool, slug, None).await? {
        Some(group) => group.group_id,
        None => {
            let mut tx = pool.begin().await?;
            let group_id = groups_store::create_group(
                &mut tx,
                &NewGroup {
                    slug,
                    name: "Supervizija — CSR Niš",
                    description: "Supervizijska grupa za voditelje slučaja. Sve što se ovde kaže, ostaje ovde.",
                    visibility: "secret",
                    language: "sr",
                    topics: &["supervizija".to_owned()],
                    allow_anonymous: false,
                    join_code: None,
                },
                supervisor.user_id,
                Utc::now() - Duration::days(40),
            )
            .await?;
            // A supervision group: its meetings take case forms and notes.
            super::supervision::save_settings(
                &mut *tx,
                group_id,
                &super::supervision::Settings {
                    supervision: true,
                    member_limit: Some(8),
                    retention_months: 12,
                },
            )
            .await?;
            for email in [JELENA, NIKOLA] {
                if let Some(member) = find_user_by_email(&mut *tx, email).await? {
                    groups_store::activate_member(&mut tx, group_id, member.user_id, Utc::now())
                        .await?;
                }
            }
            tx.commit().await?;
            group_id
        }
    };
    let mut created = 0;
    for (title, in_days) in [
        ("Supervizijski sastanak — novembar", -14),
        ("Supervizijski sastanak — decembar", 12),
    ] {
        let input = EventInput {
            kind: EventKind::Supervision,
            title: title.into(),
            description: "Slučajevi za sastanak prijavljuju se kroz obrazac bez ličnih podataka."
                .into(),
            starts_at: at(in_days, 14),
            ends_at: at(in_days, 14) + Duration::hours(2),
            language: "sr".into(),
            speakers: String::new(),
            audience: Audience::Group,
            group_id: Some(group_id),
            capacity: Some(8),
            registration_deadline: None,
            online_link: String::new(),
            place_address: "Centar za socijalni rad, sala 2".into(),
            city: "Niš".into(),
            points: 0,
            accreditation_number: String::new(),
        };
        if add(pool, &input, DRAGANA, &[JELENA, NIKOLA]).await? {
            created += 1;
        }
    }
    Ok(created)
}

/// Creates the event with its registrations unless one of that title exists.
async fn add(
    pool: &PgPool,
    input: &EventInput,
    organiser: &str,
    registrants: &[&str],
) -> anyhow::Result<bool> {
    let exists: bool = sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM events WHERE title = $1)")
        .bind(&input.title)
        .fetch_one(pool)
        .await?;
    let Some(organiser) = find_user_by_email(pool, organiser).await? else {
        return Ok(false);
    };
    if exists {
        return Ok(false);
    }
    let mut tx = pool.begin().await?;
    let registered_at = input.starts_at.min(Utc::now()) - Duration::days(3);
    let event_id = store::create(&mut tx, input, organiser.user_id, registered_at).await?;
    let past = input.ends_at < Utc::now();
    for (n, email) in registrants.iter().enumerate() {
        if let Some(member) = find_user_by_email(&mut *tx, email).await? {
            registration::register(&mut tx, event_id, member.user_id, registered_at).await?;
            // A past event shows what follows one: attendance (with points) and feedback.
            if past {
                attendance::mark_attended(&mut tx, event_id, member.user_id, input.ends_at).await?;
                if let Some((rating, comment)) = FEEDBACK.get(n) {
                    super::feedback::save_feedback(
                        &mut *tx,
                        event_id,
                        member.user_id,
                        *rating,
                        comment,
                        input.ends_at,
                    )
                    .await?;
                }
            }
        }
    }
    tx.commit().await?;
    Ok(true)
}

/// Today plus `days`, at `hour`:00 Belgrade time.
fn at(days: i64, hour: u32) -> DateTime<Utc> {
    let date = (Utc::now() + Duration::days(days))
        .format("%Y-%m-%d")
        .to_string();
    super::times::from_local(&date, &format!("{hour:02}:00")).unwrap_or_else(|_| Utc::now())
}
