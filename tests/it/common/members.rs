//! Helpers for tests that need members: create them directly in the
//! database (fast) or through the real pages (as a browser would).

use kolega::members::store::{self, Background, NewUser};
use kolega::members::{Role, password};

use super::{Browser, TestApp, TestResponse};

pub const PASSWORD: &str = "zelena-livada-u-maju";

pub struct Member {
    pub email: String,
    pub handle: String,
}

impl TestApp {
    /// The id of the member with `email`.
    pub async fn user_id(&self, email: &str) -> uuid::Uuid {
        sqlx::query_scalar("SELECT user_id FROM users WHERE email = $1")
            .bind(email)
            .fetch_one(&self.pool)
            .await
            .unwrap_or_else(|e| panic!("no member {email}: {e}"))
    }

    /// A verified member with [`PASSWORD`], created directly.
    pub async fn create_member(&self, name: &str, email: &str, role: Role) -> Member {
        self.create_member_with(
            name,
            email,
            role,
            Background {
                profession: "practitioner".into(),
                country: "RS".into(),
                ..Background::default()
            },
        )
        .await
    }

    pub async fn create_member_with(
        &self,
        name: &str,
        email: &str,
        role: Role,
        background: Background,
    ) -> Member {
        let hash = password::hash(PASSWORD.to_owned()).await.unwrap();
        let mut conn = self.pool.acquire().await.unwrap();
        let user = store::create_member(
            &mut conn,
            &NewUser {
                email,
                name,
                role,
                password_hash: &hash,
                locale: "sr-Latn",
                verified: true,
            },
            &background,
        )
        .await
        .unwrap();
        Member {
            email: user.email,
            handle: user.handle,
        }
    }

    /// Creates a member with `role` and signs in as them.
    pub async fn sign_in_as(&self, name: &str, email: &str, role: Role) -> Member {
        let member = self.create_member(name, email, role).await;
        let response = self.sign_in(email, PASSWORD).await;
        assert!(
            response.status.is_redirection(),
            "sign-in failed: {}",
            response.body
        );
        member
    }

    pub async fn count(&self, sql: &str) -> i64 {
        sqlx::query_scalar(sql).fetch_one(&self.pool).await.unwrap()
    }
}

impl Browser {
    /// Signs in through the sign-in form; returns the response.
    pub async fn sign_in(&self, email: &str, password: &str) -> TestResponse {
        self.submit_form(
            "/login",
            "/login",
            &[("email", email), ("password", password)],
        )
        .await
    }

    pub async fn sign_out(&self) -> TestResponse {
        let home = self.get("/").await;
        assert!(home.body.contains("action=\"/logout\""), "not signed in");
        self.submit_form("/", "/logout", &[]).await
    }
}
