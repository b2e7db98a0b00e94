//! Template structs of the groups feature.

use askama::Template;
use askama_web::WebTemplate;

use super::forms::{GroupForm, PostForm};
use super::store::{GroupView, MemberRow, PostView, Revision, ThreadRow, ThreadView};
use super::vocabulary::{GroupRole, MemberStatus, Subscription};
use crate::web::{FormErrors, Page};

#[derive(Template, WebTemplate)]
#[template(path = "groups/list.html")]
pub struct GroupListPage {
    pub page: Page,
    pub groups: Vec<GroupView>,
    pub topic: String,
    pub can_create: bool,
}

/// About two lines on a phone: enough to tell groups apart on their cards.
const CARD_DESCRIPTION_CHARS: usize = 160;

impl GroupListPage {
    /// The group's description on its card: its first paragraph as plain
    /// text (Markdown marks dropped, escaped by the template), cut at a word.
    pub fn excerpt(&self, group: &GroupView) -> String {
        crate::text::markdown::first_line(&group.description, CARD_DESCRIPTION_CHARS)
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "groups/new.html")]
pub struct NewGroupPage {
    pub page: Page,
    pub form: GroupForm,
    pub errors: FormErrors,
}

#[derive(Template, WebTemplate)]
#[template(path = "groups/settings.html")]
pub struct GroupSettingsPage {
    pub page: Page,
    pub group: GroupView,
    pub form: GroupForm,
    pub errors: FormErrors,
}

#[derive(Template, WebTemplate)]
#[template(path = "groups/join.html")]
pub struct JoinByCodePage {
    pub page: Page,
    pub code: String,
    pub errors: FormErrors,
}

/// What the viewer may do on a group page.
pub struct Abilities {
    pub read: bool,
    pub post: bool,
    pub join: bool,
    pub request: bool,
    pub leave: bool,
    pub requested: bool,
    pub moderate: bool,
    /// The members list (`Access::can_see_members`): no link for anyone
    /// the list would refuse.
    pub see_members: bool,
    /// The group's settings (`Access::is_group_moderator`).
    pub settings: bool,
    /// Its supervision settings (`Access::can_configure_supervision`).
    pub configure_supervision: bool,
    pub signed_in: bool,
    /// Why the viewer may not take part yet (`CurrentUser::participation_notice`).
    pub waiting_notice: Option<&'static str>,
}

#[derive(Template, WebTemplate)]
#[template(path = "groups/show.html")]
pub struct GroupPage {
    pub page: Page,
    pub group: GroupView,
    pub description_html: String,
    pub threads: Vec<ThreadRow>,
    pub next_page: Option<String>,
    pub can: Abilities,
}

#[derive(Template, WebTemplate)]
#[template(path = "groups/members.html")]
pub struct GroupMembersPage {
    pub page: Page,
    pub group: GroupView,
    pub rows: Vec<MemberRow>,
    pub moderate: bool,
    /// The invitation form's input, kept when it comes back refused.
    pub who: String,
    pub errors: FormErrors,
}

#[derive(Template, WebTemplate)]
#[template(path = "groups/new_thread.html")]
pub struct NewThreadPage {
    pub page: Page,
    pub group: GroupView,
    pub form: PostForm,
    pub errors: FormErrors,
    /// Personal data found that the author may confirm is not a client's.
    pub warnings: Vec<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "groups/edit_post.html")]
pub struct EditPostPage {
    pub page: Page,
    pub group: GroupView,
    pub thread: ThreadView,
    pub post_id: uuid::Uuid,
    pub form: PostForm,
    pub errors: FormErrors,
    pub warnings: Vec<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "groups/history.html")]
pub struct HistoryPage {
    pub page: Page,
    pub group: GroupView,
    pub thread: ThreadView,
    pub current: String,
    pub revisions: Vec<Revision>,
}

#[derive(Template, WebTemplate)]
#[template(path = "groups/flag.html")]
pub struct FlagPage {
    pub page: Page,
    pub group: GroupView,
    pub thread: ThreadView,
    pub post_id: uuid::Uuid,
    pub reasons: [&'static str; 4],
}

#[derive(Template, WebTemplate)]
#[template(path = "groups/moderation.html")]
pub struct ModerationPage {
    pub page: Page,
    pub items: Vec<super::moderation::QueueItem>,
    pub held: Vec<super::held::HeldPost>,
    /// A decline that came back: the post, the reason typed, the error.
    pub declining: Option<(uuid::Uuid, String, FormErrors)>,
}

impl ModerationPage {
    /// The reason typed for `post_id` and its error, when that decline came back.
    pub fn decline_state(&self, post_id: &uuid::Uuid) -> (String, Option<String>) {
        match &self.declining {
            Some((id, reason, errors)) if id == post_id => {
                (reason.clone(), errors.get("reason").map(str::to_owned))
            }
            _ => (String::new(), None),
        }
    }
}

/// One search result, ready to show.
pub struct SearchResult {
    pub hit: super::search::Hit,
    pub link: String,
    pub author: String,
    pub snippet_html: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "groups/search.html")]
pub struct SearchPage {
    pub page: Page,
    pub q: String,
    pub group: String,
    pub groups: Vec<GroupView>,
    pub searched: bool,
    pub results: Vec<SearchResult>,
    pub next_page: Option<String>,
    pub previous_page: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "groups/thread.html")]
pub struct ThreadPage {
    pub page: Page,
    pub group: GroupView,
    pub thread: ThreadView,
    pub posts: Vec<PostView>,
    pub page_number: i64,
    pub page_count: i64,
    pub first_unread: Option<i32>,
    pub can_post: bool,
    pub can_see_anonymous: bool,
    pub viewer_id: Option<uuid::Uuid>,
    /// The member's subscription, if a member.
    pub subscription: Option<Subscription>,
    pub is_member: bool,
    pub form: PostForm,
    pub errors: FormErrors,
    pub warnings: Vec<String>,
    /// Groups a moderator may move the thread to (`policy::can_move_thread`).
    pub move_targets: Vec<MoveTarget>,
    /// A refused move: the slug chosen and why it was refused (the
    /// moderation menu then opens with the error beside the list).
    pub move_refused: Option<(String, String)>,
}

/// A group offered in the thread's "move to" list.
pub struct MoveTarget {
    pub slug: String,
    pub name: String,
}

impl ThreadPage {
    /// Whether the member follows the thread (an e-mail for every reply).
    pub fn follows(&self) -> bool {
        self.subscription == Some(Subscription::Subscribed)
    }

    pub fn is_muted(&self) -> bool {
        self.subscription == Some(Subscription::Muted)
    }

    pub fn is_chosen_target(&self, target: &MoveTarget) -> bool {
        self.move_refused
            .as_ref()
            .is_some_and(|(slug, _)| *slug == target.slug)
    }

    /// How a post's author is shown: anonymous colleagues stay anonymous
    /// (except to moderators), deleted accounts are "former member".
    pub fn author_label(&self, post: &PostView) -> String {
        if post.anonymous && !self.can_see_anonymous {
            self.page.t("anonymous-colleague")
        } else if post.author_deleted {
            self.page.t("former-member")
        } else {
            post.author_name.clone()
        }
    }

    /// The signed-in author of a post that is not deleted may edit it.
    pub fn is_own(&self, post: &PostView) -> bool {
        self.viewer_id == Some(post.author_id) && post.deleted_at.is_none()
    }

    /// A post hidden by moderators shows as a notice, except to moderators
    /// and its author.
    pub fn is_hidden_for_viewer(&self, post: &PostView) -> bool {
        post.hidden_at.is_some()
            && !self.can_see_anonymous
            && self.viewer_id != Some(post.author_id)
    }

    /// A post waiting for approval is shown only to its author and moderators.
    pub fn is_invisible_pending(&self, post: &PostView) -> bool {
        post.pending && !self.can_see_anonymous && self.viewer_id != Some(post.author_id)
    }

    pub fn is_first_unread(&self, post: &PostView) -> bool {
        self.first_unread == Some(post.seq)
    }

    pub fn shows_profile_link(&self, post: &PostView) -> bool {
        !post.author_deleted && (!post.anonymous || self.can_see_anonymous)
    }
}
