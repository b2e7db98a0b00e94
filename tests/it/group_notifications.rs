//! Group notifications: replies, mentions, new threads in followed groups,
//! muting — and confidentiality of what the e-mails say.

use crate::common::TestApp;
use kolega::groups::vocabulary::Visibility;
use kolega::members::Role;

#[tokio::test]
async fn the_thread_author_hears_about_replies_with_an_excerpt_in_public_groups() {
    let app = TestApp::spawn().await;
    app.create_member("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    app.sign_in_as("Jelena Stojanović", "jelena@csr.rs", Role::Practitioner)
        .await;
    let group = app
        .open_group("Hraniteljstvo", Visibility::Public, &[])
        .await;
    let thread = app
        .start_thread(&group, "Priprema za susret", "Kako pripremate decu?")
        .await;
    app.deliver_mail().await;

    app.switch_to("ana@csr.rs").await;
    app.join_group(&group).await;
    app.reply(&thread, "Mi pravimo plan susreta sa hraniteljima.")
        .await;

    let mail = app.deliver_mail().await;
    assert_eq!(
        mail.len(),
        1,
        "{:?}",
        mail.iter().map(|m| &m.subject).collect::<Vec<_>>()
    );
    assert_eq!(mail[0].to, "jelena@csr.rs");
    assert_eq!(mail[0].subject, "Novi odgovor u temi „Priprema za susret”");
    assert!(mail[0].text.contains("Ana Vuković"));
    assert!(
        mail[0]
            .text
            .contains("Mi pravimo plan susreta sa hraniteljima.")
    );
    assert!(
        mail[0]
            .text
            .contains(&format!("http://kolega.test{thread}?page=1#post-2"))
    );

    // Ana replied, so she follows the thread now; Jelena's answer reaches her.
    app.switch_to("jelena@csr.rs").await;
    app.reply(&thread, "Hvala, to je korisno.").await;
    let mail = app.deliver_mail().await;
    assert!(mail.iter().any(|m| m.to == "ana@csr.rs"));
    assert!(
        !mail
            .iter()
            .any(|m| m.to == "jelena@csr.rs" && m.text.contains("Hvala, to je korisno")),
        "no mail about one's own post"
    );
}

#[tokio::test]
async fn emails_about_closed_groups_never_carry_the_text() {
    let app = TestApp::spawn().await;
    app.create_member("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    app.sign_in_as("Jelena Stojanović", "jelena@csr.rs", Role::Practitioner)
        .await;
    let group = app
        .open_group("Supervizija Niš", Visibility::Closed, &[])
        .await;
    sqlx::query("INSERT INTO group_members (group_id, user_id, status, created_at) SELECT g.group_id, u.user_id, 'active', now() FROM groups g, users u WHERE u.email = 'ana@csr.rs'")
        .execute(&app.pool)
        .await
        .unwrap();
    let thread = app
        .start_thread(&group, "Slučaj porodice sa troje dece", "Poverljiv opis.")
        .await;

    app.switch_to("ana@csr.rs").await;
    app.reply(&thread, "Poverljiv odgovor o porodici.").await;

    let mail = app.deliver_mail().await;
    let to_jelena = mail
        .iter()
        .find(|m| m.to == "jelena@csr.rs")
        .expect("the author is told");
    assert_eq!(to_jelena.subject, "Novi odgovor u grupi „Supervizija Niš”");
    for text in [&to_jelena.text, &to_jelena.html, &to_jelena.subject] {
        assert!(!text.contains("Poverljiv"), "no post text: {text}");
        assert!(!text.contains("Slučaj porodice"), "no thread title: {text}");
        assert!(!text.contains("Ana Vuković"), "no author either");
    }
    assert!(
        to_jelena
            .text
            .contains("http://kolega.test/groups/supervizija-nis/t/")
    );
}

#[tokio::test]
async fn mentions_link_to_the_profile_and_tell_only_those_who_can_read() {
    let app = TestApp::spawn().await;
    let ana = app
        .create_member("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    let marko = app
        .create_member("Marko Ilić", "marko@fpn.rs", Role::Student)
        .await;
    app.sign_in_as("Jelena Stojanović", "jelena@csr.rs", Role::Practitioner)
        .await;
    let public = app
        .open_group("Hraniteljstvo", Visibility::Public, &[])
        .await;
    let closed = app
        .open_group("Supervizija Niš", Visibility::Closed, &[])
        .await;

    let thread = app
        .start_thread(&public, "Pitanje", &format!("Šta misli @{}?", ana.handle))
        .await;
    let page = app.get(&thread).await;
    assert!(
        page.body
            .contains(&format!("href=\"/members/{}\"", ana.handle)),
        "the mention links to the profile"
    );
    app.start_thread(
        &closed,
        "Poverljivo",
        &format!("Da li @{} zna?", marko.handle),
    )
    .await;

    let mail = app.deliver_mail().await;
    let to_ana = mail
        .iter()
        .find(|m| m.to == "ana@csr.rs")
        .expect("Ana can read the public group");
    assert_eq!(
        to_ana.subject,
        "Jelena Stojanović vas je pomenuo/la u grupi „Hraniteljstvo”"
    );
    assert!(
        !mail.iter().any(|m| m.to == "marko@fpn.rs"),
        "Marko cannot read the closed group, so he is not told"
    );
}

#[tokio::test]
async fn followers_hear_of_new_threads_and_muted_threads_stay_quiet() {
    let app = TestApp::spawn().await;
    app.create_member("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    app.sign_in_as("Jelena Stojanović", "jelena@csr.rs", Role::Practitioner)
        .await;
    let group = app
        .open_group("Rad sa migrantima", Visibility::Public, &[])
        .await;

    app.switch_to("ana@csr.rs").await;
    app.join_group(&group).await;
    app.submit_form(&group, &format!("{group}/follow"), &[("follow", "yes")])
        .await;
    assert!(app.get(&group).await.body.contains("Ne prati grupu"));
    // New threads wait for the daily digest by default (tests/notifications.rs);
    // Ana wants them at once.
    let at_once = [("new_thread", "immediately"), ("digest_hour", "7")]
        .map(|(k, v)| (k.to_owned(), v.to_owned()));
    app.post_fields("/settings/notifications", &at_once)
        .await
        .assert_redirect_to("/settings/notifications");
    app.switch_to("jelena@csr.rs").await;
    let thread = app
        .start_thread(
            &group,
            "Deca bez pratnje",
            "Iskustva iz prihvatnih centara?",
        )
        .await;
    let mail = app.deliver_mail().await;
    assert!(mail.iter().any(|m| m.to == "ana@csr.rs"
        && m.subject == "Nova tema u grupi „Rad sa migrantima”: Deca bez pratnje"));

    // Jelena mutes her own thread: replies no longer reach her.
    app.submit_form(
        &thread,
        &format!("{thread}/subscription"),
        &[("mode", "muted")],
    )
    .await;
    assert!(app.get(&thread).await.body.contains("Tema je utišana"));
    app.switch_to("ana@csr.rs").await;
    app.reply(&thread, "Imamo dobra iskustva sa kulturnim medijatorima.")
        .await;
    assert!(
        !app.deliver_mail()
            .await
            .iter()
            .any(|m| m.to == "jelena@csr.rs")
    );
}

#[tokio::test]
async fn anonymous_authors_stay_anonymous_in_emails() {
    let app = TestApp::spawn().await;
    let nikola = app
        .create_member("Nikola Đorđević", "nikola@csr.rs", Role::Practitioner)
        .await;
    app.sign_in_as("Milica Jovanović", "milica@kolega.rs", Role::Practitioner)
        .await;
    let group = app
        .open_group(
            "Pomoć pomagačima",
            Visibility::Closed,
            &[("allow_anonymous", "yes")],
        )
        .await;
    let thread = app
        .start_thread(&group, "Podrška", "Pišite slobodno.")
        .await;
    app.admit_to_group(&group, "milica@kolega.rs", &nikola)
        .await;
    app.deliver_mail().await;
    let response = app
        .submit_form(
            &thread,
            &format!("{thread}/reply"),
            &[("body", "Teško mi je ovih dana."), ("anonymous", "yes")],
        )
        .await;
    assert!(response.status.is_redirection());

    let mail = app.deliver_mail().await;
    let to_milica = mail.iter().rfind(|m| m.to == "milica@kolega.rs").unwrap();
    // A group that allows anonymous posts is members-only, so its mail
    // names the group and carries no words of the post, nor the author.
    assert!(to_milica.text.contains("Pomoć pomagačima"));
    assert!(!to_milica.text.contains("Teško mi je"));
    assert!(
        !to_milica.text.contains("Nikola") && !to_milica.html.contains("Nikola"),
        "{}",
        to_milica.text
    );
}

#[tokio::test]
async fn a_thread_title_is_one_line_in_the_page_and_the_mail_subject() {
    let app = TestApp::spawn().await;
    app.create_member("Ana Vuković", "ana@csr.rs", Role::Practitioner)
        .await;
    app.sign_in_as("Jelena Stojanović", "jelena@csr.rs", Role::Practitioner)
        .await;
    let group = app
        .open_group("Rad sa migrantima", Visibility::Public, &[])
        .await;
    app.switch_to("ana@csr.rs").await;
    app.join_group(&group).await;
    app.submit_form(&group, &format!("{group}/follow"), &[("follow", "yes")])
        .await;
    let at_once = [("new_thread", "immediately"), ("digest_hour", "7")]
        .map(|(k, v)| (k.to_owned(), v.to_owned()));
    app.post_fields("/settings/notifications", &at_once).await;

    app.switch_to("jelena@csr.rs").await;
    // A form posted by a script (a browser's one-line field cannot hold it).
    let thread = app
        .start_thread(
            &group,
            "Deca bez pratnje\r\nu prihvatnim\u{2028}centrima",
            "Iskustva?",
        )
        .await;
    assert_eq!(
        app.get(&thread).await.h1(),
        "Deca bez pratnje u prihvatnim centrima"
    );
    let mail = app.deliver_mail().await;
    let to_ana = mail.iter().find(|m| m.to == "ana@csr.rs").unwrap();
    assert_eq!(
        to_ana.subject,
        "Nova tema u grupi „Rad sa migrantima”: Deca bez pratnje u prihvatnim centrima"
    );
}
