//! The queue as the officer sees it: which cases (a named queue, closed or not, the filter), in
//! which order, which one is selected and which page is shown.
//!
//! Moving the selection off the page scrolls the list by as many rows as needed (the console
//! has the terminal do the scrolling, so a one-row scroll costs about what a one-row move costs);
//! page keys turn whole pages.

use crate::service::dashboard::{Bucket, Horizon};
use crate::service::search;
use crate::service::{QueueRow, Scope, Urgency};

/// The named queues of the `:` command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NamedQueue {
    /// Every open case (closed ones too when toggled on).
    Default,
    Mine,
    Unassigned,
    Overdue,
    DueToday,
    Extended,
    Notices,
    /// Answered or given their result, with nothing dated owed: waiting to be decided or closed.
    Answered,
    Closed,
    /// Open and closed.
    All,
    /// A dashboard column: the cases its count counts (see [`Bucket::holds`]).
    Bucket(Bucket),
}

impl NamedQueue {
    /// Every named queue reachable from the command line.
    pub const ALL: [NamedQueue; 14] = [
        NamedQueue::Mine,
        NamedQueue::Unassigned,
        NamedQueue::Overdue,
        NamedQueue::DueToday,
        NamedQueue::Extended,
        NamedQueue::Notices,
        NamedQueue::Answered,
        NamedQueue::Closed,
        NamedQueue::All,
        NamedQueue::Bucket(Bucket::DueWithinOne),
        NamedQueue::Bucket(Bucket::DueWithin),
        NamedQueue::Bucket(Bucket::AnsweredWeek),
        NamedQueue::Bucket(Bucket::AnsweredMonth),
        NamedQueue::Bucket(Bucket::AnsweredLate),
    ];

    /// The queue a dashboard cell opens: the named queue of the same definition where there is
    /// one (so its title and command are the familiar ones), else the bucket itself.
    pub fn of_bucket(b: Bucket) -> NamedQueue {
        match b {
            Bucket::Overdue => NamedQueue::Overdue,
            Bucket::DueToday => NamedQueue::DueToday,
            Bucket::Extended => NamedQueue::Extended,
            Bucket::NoticesOwed => NamedQueue::Notices,
            other => NamedQueue::Bucket(other),
        }
    }

    /// The command-line name.
    pub fn name(self) -> &'static str {
        match self {
            NamedQueue::Default => "open",
            NamedQueue::Mine => "mine",
            NamedQueue::Unassigned => "unassigned",
            NamedQueue::Overdue => "overdue",
            NamedQueue::DueToday => "due-today",
            NamedQueue::Extended => "extended",
            NamedQueue::Notices => "notices",
            NamedQueue::Answered => "answered",
            NamedQueue::Closed => "closed",
            NamedQueue::All => "all",
            NamedQueue::Bucket(b) => b.name(),
        }
    }

    /// By command-line name.
    pub fn from_name(s: &str) -> Option<NamedQueue> {
        std::iter::once(NamedQueue::Default)
            .chain(NamedQueue::ALL)
            .find(|q| q.name() == s)
    }

    /// The catalogue key of its title.
    pub fn i18n_key(self) -> &'static str {
        match self {
            NamedQueue::Default => "queue-open",
            NamedQueue::Mine => "queue-mine",
            NamedQueue::Unassigned => "queue-unassigned",
            NamedQueue::Overdue => "queue-overdue",
            NamedQueue::DueToday => "queue-due-today",
            NamedQueue::Extended => "queue-extended",
            NamedQueue::Notices => "queue-notices",
            NamedQueue::Answered => "queue-answered",
            NamedQueue::Closed => "queue-closed",
            NamedQueue::All => "queue-all",
            NamedQueue::Bucket(b) => b.i18n_key(),
        }
    }

    fn admits(self, row: &QueueRow, me: &str, show_closed: bool, h: &Horizon) -> bool {
        let closed = row.urgency == Urgency::Closed;
        match self {
            NamedQueue::Default => show_closed || !closed,
            NamedQueue::Mine => (show_closed || !closed) && row.assignee.as_deref() == Some(me),
            NamedQueue::Unassigned => (show_closed || !closed) && row.assignee.is_none(),
            // The dashboard's definitions, so that a cell and its queue never disagree.
            NamedQueue::Overdue => Bucket::Overdue.holds(row, h),
            NamedQueue::DueToday => Bucket::DueToday.holds(row, h),
            NamedQueue::Extended => Bucket::Extended.holds(row, h),
            NamedQueue::Notices => Bucket::NoticesOwed.holds(row, h),
            NamedQueue::Answered => row.urgency == Urgency::Answered,
            NamedQueue::Closed => closed,
            NamedQueue::All => true,
            NamedQueue::Bucket(b) => b.holds(row, h),
        }
    }
}

/// Whether `row` is among whose cases `scope` names (the console holds only rows its caller may
/// see, so `Mine` and `MineAndUnassigned` need the login and are not used here).
fn in_scope(scope: &Scope, row: &QueueRow) -> bool {
    match scope {
        Scope::Assignee(login) => row.assignee.as_deref() == Some(login.as_str()),
        Scope::Unassigned => row.assignee.is_none(),
        Scope::All | Scope::Mine | Scope::MineAndUnassigned => true,
    }
}

/// Orders of the queue (`:sort KEY`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    /// Most overdue first, then due today, then by due date (the service's order).
    Urgency,
    Due,
    Registered,
    Number,
    Assignee,
}

impl SortKey {
    /// Every order, in the order completion offers them.
    pub const ALL: [SortKey; 5] = [
        SortKey::Urgency,
        SortKey::Due,
        SortKey::Registered,
        SortKey::Number,
        SortKey::Assignee,
    ];

    /// The command-line name.
    pub fn name(self) -> &'static str {
        match self {
            SortKey::Urgency => "urgency",
            SortKey::Due => "due",
            SortKey::Registered => "registered",
            SortKey::Number => "number",
            SortKey::Assignee => "assignee",
        }
    }

    /// By command-line name, in any letter case.
    pub fn from_name(s: &str) -> Option<SortKey> {
        SortKey::ALL
            .into_iter()
            .find(|k| k.name().eq_ignore_ascii_case(s))
    }

    /// The catalogue key of its name ("due date").
    pub fn i18n_key(self) -> &'static str {
        match self {
            SortKey::Urgency => "sort-key-urgency",
            SortKey::Due => "sort-key-due",
            SortKey::Registered => "sort-key-registered",
            SortKey::Number => "sort-key-number",
            SortKey::Assignee => "sort-key-assignee",
        }
    }
}

/// Counts for the header line, over the cases shown (named queue and filter).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub overdue: usize,
    pub due_today: usize,
    pub due_soon: usize,
    pub extended: usize,
    pub notices: usize,
}

/// The queue model.
#[derive(Debug, Default)]
pub struct Queue {
    rows: Vec<QueueRow>,
    /// What the filter looks in, per row (see [`search::haystack`]).
    haystacks: Vec<String>,
    named: Option<NamedQueue>,
    /// Whose cases: narrowed to one officer (or the unassigned ones) from a dashboard cell.
    scope: Scope,
    /// The day and the "due within N" of the dashboard's buckets (see [`Bucket::holds`]).
    horizon: Horizon,
    show_closed: bool,
    filter: String,
    sort: Option<SortKey>,
    /// The order reversed (`:sort KEY desc`, `:sort` again).
    descending: bool,
    me: String,
    /// Indices into `rows` admitted by the named queue, in display order.
    base: Vec<u32>,
    /// `base` narrowed by the filter.
    visible: Vec<u32>,
    selected: usize,
    top: usize,
    page: usize,
    counts: Counts,
    /// The marked cases, by number (issue 10: marks for bulk actions): a number stays marked
    /// whatever the filter, the named queue or the order shows, and across reloads as long as
    /// the case is loaded at all.
    marks: std::collections::BTreeSet<String>,
}

impl Queue {
    /// Replaces the rows (as ordered by the service), keeping the selection on the same case.
    pub fn load(&mut self, rows: Vec<QueueRow>, me: &str) {
        let keep = self.selected_row().map(|r| r.number.clone());
        self.me = me.to_string();
        // The filter's index is built later (`build_index`): the first page shows first.
        self.haystacks = Vec::new();
        self.rows = rows;
        // A case no longer loaded (closed elsewhere and hidden, given to another officer) has
        // no version to act on: its mark goes with it.
        if !self.marks.is_empty() {
            let loaded: std::collections::HashSet<&str> =
                self.rows.iter().map(|r| r.number.as_str()).collect();
            self.marks.retain(|n| loaded.contains(n.as_str()));
        }
        self.rebuild(keep);
    }

    /// Replaces the rows after a change elsewhere (a notice from the daemon): the selected
    /// case stays selected and on the same line of the screen, so rows that came or went
    /// above it do not move it under the officer's eyes.
    pub fn reload(&mut self, rows: Vec<QueueRow>, me: &str) {
        let line = self.selected.saturating_sub(self.top);
        let kept = self.selected_row().map(|r| r.number.clone());
        self.load(rows, me);
        if kept.is_some() && self.selected_row().map(|r| &r.number) == kept.as_ref() {
            let page = self.page.max(1);
            self.top = self
                .selected
                .saturating_sub(line)
                .min(self.visible.len().saturating_sub(page));
        }
    }

    /// Whether the filter's index still has to be built.
    pub fn needs_index(&self) -> bool {
        self.haystacks.len() != self.rows.len()
    }

    /// Builds the filter's index: the folded searchable text of each row.
    /// The console does it right after the first paint, while the officer reads the screen.
    pub fn build_index(&mut self) {
        if !self.needs_index() {
            return;
        }
        self.haystacks = self.rows.iter().map(search::haystack).collect();
    }

    /// Rows shown per page.
    pub fn set_page(&mut self, page: usize) {
        self.page = page.max(1);
        self.align_top();
    }

    pub fn named(&self) -> NamedQueue {
        self.named.unwrap_or(NamedQueue::Default)
    }

    pub fn set_named(&mut self, q: NamedQueue) {
        let keep = self.selected_row().map(|r| r.number.clone());
        self.named = Some(q);
        self.rebuild(keep);
    }

    /// Whose cases are shown (every loaded one: [`Scope::All`]).
    pub fn scope(&self) -> &Scope {
        &self.scope
    }

    /// A named queue narrowed to whose cases: what a dashboard cell opens.
    pub fn set_view(&mut self, q: NamedQueue, scope: Scope) {
        let keep = self.selected_row().map(|r| r.number.clone());
        self.named = Some(q);
        self.scope = scope;
        self.rebuild(keep);
    }

    /// The day and the N the buckets are reckoned with; set before the rows of that day load.
    pub fn set_horizon(&mut self, h: Horizon) {
        if self.horizon != h {
            let keep = self.selected_row().map(|r| r.number.clone());
            self.horizon = h;
            self.rebuild(keep);
        }
    }

    pub fn horizon(&self) -> Horizon {
        self.horizon
    }

    pub fn show_closed(&self) -> bool {
        self.show_closed
    }

    pub fn set_show_closed(&mut self, on: bool) {
        let keep = self.selected_row().map(|r| r.number.clone());
        self.show_closed = on;
        self.rebuild(keep);
    }

    pub fn filter(&self) -> &str {
        &self.filter
    }

    pub fn sort(&self) -> SortKey {
        self.sort.unwrap_or(SortKey::Urgency)
    }

    /// Whether the order is reversed.
    pub fn descending(&self) -> bool {
        self.descending
    }

    /// Whether the order is other than the default (most urgent first): the header says so.
    pub fn sort_changed(&self) -> bool {
        self.sort() != SortKey::Urgency || self.descending
    }

    /// Whether closed cases are shown in a queue that hides them by default: the title says so.
    pub fn closed_shown_too(&self) -> bool {
        self.show_closed
            && matches!(
                self.named(),
                NamedQueue::Default | NamedQueue::Mine | NamedQueue::Unassigned
            )
    }

    /// Orders the rows by `key`, reversed or not; the selected case stays selected.
    pub fn set_sort(&mut self, key: SortKey, descending: bool) {
        let keep = self.selected_row().map(|r| r.number.clone());
        self.sort = Some(key);
        self.descending = descending;
        self.rebuild(keep);
    }

    /// Narrows the view as the officer types; every word must match. The selected case stays
    /// selected while it matches; otherwise the first match is.
    pub fn set_filter(&mut self, filter: String) {
        let keep = self.selected_row().map(|r| r.number.clone());
        // Typing on narrows what is already narrowed: only the visible rows need a look.
        let narrowing = !self.filter.is_empty() && filter.starts_with(&self.filter);
        self.filter = filter;
        self.apply_filter(narrowing);
        self.reselect(keep);
    }

    /// `visible` from `base` (or from `visible` when the filter only grew) and the filter.
    fn apply_filter(&mut self, narrowing: bool) {
        if self.filter.is_empty() {
            self.visible = self.base.clone();
            return;
        }
        self.build_index();
        let words = search::words(&self.filter);
        let from = if narrowing { &self.visible } else { &self.base };
        let visible: Vec<u32> = from
            .iter()
            .copied()
            .filter(|&i| search::contains_words(&self.haystacks[i as usize], &words))
            .collect();
        self.visible = visible;
    }

    fn rebuild(&mut self, keep: Option<String>) {
        let named = self.named();
        let mut base: Vec<u32> = (0..self.rows.len() as u32)
            .filter(|&i| {
                let row = &self.rows[i as usize];
                in_scope(&self.scope, row)
                    && named.admits(row, &self.me, self.show_closed, &self.horizon)
            })
            .collect();
        let rows = &self.rows;
        match self.sort() {
            SortKey::Urgency => {}
            SortKey::Due => {
                base.sort_by_key(|&i| (rows[i as usize].due.is_none(), rows[i as usize].due))
            }
            SortKey::Registered => base.sort_by_key(|&i| rows[i as usize].registered),
            SortKey::Number => {
                base.sort_by(|&a, &b| rows[a as usize].number.cmp(&rows[b as usize].number))
            }
            SortKey::Assignee => {
                base.sort_by(|&a, &b| rows[a as usize].assignee.cmp(&rows[b as usize].assignee))
            }
        }
        if self.descending {
            base.reverse();
        }
        self.base = base;
        self.apply_filter(false);
        self.reselect(keep);
    }

    /// The header's counts, over what is shown (the named queue narrowed by the filter).
    fn recount(&mut self) {
        // The dashboard's buckets (issue 10: counted once, with one definition).
        let mut counts = Counts::default();
        let h = &self.horizon;
        for &i in &self.visible {
            let r = &self.rows[i as usize];
            counts.overdue += usize::from(Bucket::Overdue.holds(r, h));
            counts.due_today += usize::from(Bucket::DueToday.holds(r, h));
            counts.due_soon += usize::from(Bucket::DueWithinOne.holds(r, h));
            counts.extended += usize::from(Bucket::Extended.holds(r, h));
            counts.notices += usize::from(Bucket::NoticesOwed.holds(r, h));
        }
        self.counts = counts;
    }

    /// Selects the case `keep` if it is still shown, else the first row: an index kept from
    /// another list would point at another case, and Enter would open it.
    fn reselect(&mut self, keep: Option<String>) {
        self.recount();
        self.selected = keep
            .and_then(|number| {
                self.visible
                    .iter()
                    .position(|&i| self.rows[i as usize].number == number)
            })
            .unwrap_or(0);
        self.align_top();
    }

    /// Scrolls just enough to show the selection, and never past the end of the list.
    fn align_top(&mut self) {
        let page = self.page.max(1);
        if self.selected < self.top {
            self.top = self.selected;
        } else if self.selected >= self.top + page {
            self.top = self.selected + 1 - page;
        }
        self.top = self.top.min(self.visible.len().saturating_sub(page));
    }

    /// Index of the first row on screen.
    pub fn top(&self) -> usize {
        self.top
    }

    pub fn move_by(&mut self, delta: isize) {
        let last = self.visible.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
        self.align_top();
    }

    pub fn move_to(&mut self, index: usize) {
        self.selected = index.min(self.visible.len().saturating_sub(1));
        self.align_top();
    }

    /// A page forward or back: the selection keeps its place on the page. The list never
    /// scrolls past its end; where the page cannot move, the selection goes to the last (or
    /// first) row.
    pub fn page_by(&mut self, pages: isize) {
        let page = self.page.max(1);
        let len = self.visible.len();
        let last = len.saturating_sub(1);
        let max_top = len.saturating_sub(page);
        let offset = self.selected.saturating_sub(self.top);
        let new_top = if pages >= 0 {
            (self.top + page).min(max_top)
        } else {
            self.top.saturating_sub(page)
        };
        if new_top == self.top {
            self.selected = if pages >= 0 { last } else { 0 };
        } else {
            self.top = new_top;
            self.selected = (new_top + offset).min(last);
        }
        self.align_top();
    }

    /// The selected case, if any.
    pub fn selected_row(&self) -> Option<&QueueRow> {
        self.visible
            .get(self.selected)
            .map(|&i| &self.rows[i as usize])
    }

    /// Index of the selection among the visible rows.
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// The rows of the current page, with their index among the visible rows.
    pub fn page_rows(&self) -> impl Iterator<Item = (usize, &QueueRow)> {
        let end = (self.top + self.page.max(1)).min(self.visible.len());
        (self.top..end).map(|i| (i, &self.rows[self.visible[i] as usize]))
    }

    /// Every loaded row, shown or not (what `:open` looks in).
    pub fn loaded_rows(&self) -> std::slice::Iter<'_, QueueRow> {
        self.rows.iter()
    }

    /// How many rows pass the named queue and the filter.
    /// How many cases were loaded, whatever the named queue and filter admit.
    pub fn total_len(&self) -> usize {
        self.rows.len()
    }

    pub fn visible_len(&self) -> usize {
        self.visible.len()
    }

    /// Header counts of the current named queue.
    pub fn counts(&self) -> Counts {
        self.counts
    }

    /// Whether the case `number` is marked.
    pub fn is_marked(&self, number: &str) -> bool {
        self.marks.contains(number)
    }

    /// How many cases are marked, shown or not.
    pub fn marked_len(&self) -> usize {
        self.marks.len()
    }

    /// Marks the selected case, or unmarks it if it was marked, and moves to the next row, so
    /// that holding the key marks a run of cases.
    pub fn toggle_mark(&mut self) {
        if let Some(number) = self.selected_row().map(|r| r.number.clone())
            && !self.marks.remove(&number)
        {
            self.marks.insert(number);
        }
        self.move_by(1);
    }

    /// Marks the selected case (marked already: it stays so) and moves by `delta` rows: a
    /// range is marked by moving over it.
    pub fn mark_and_move(&mut self, delta: isize) {
        if let Some(number) = self.selected_row().map(|r| r.number.clone()) {
            self.marks.insert(number);
        }
        self.move_by(delta);
    }

    /// Marks every case shown (the named queue narrowed by the filter).
    pub fn mark_visible(&mut self) {
        for &i in &self.visible {
            self.marks.insert(self.rows[i as usize].number.clone());
        }
    }

    pub fn clear_marks(&mut self) {
        self.marks.clear();
    }

    /// Unmarks the cases `numbers` (those a bulk action changed).
    pub fn unmark<'a>(&mut self, numbers: impl IntoIterator<Item = &'a str>) {
        for n in numbers {
            self.marks.remove(n);
        }
    }

    /// The loaded rows of the marked cases, in the order loaded (the service's).
    pub fn marked_rows(&self) -> impl Iterator<Item = &QueueRow> {
        self.rows.iter().filter(|r| self.marks.contains(&r.number))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::case::Status;
    use crate::domain::vocabulary::{CaseKind, Medium};
    use crate::service::Badges;
    use chrono::NaiveDate;

    fn rows(n: usize) -> Vec<QueueRow> {
        let d = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        (0..n)
            .map(|i| QueueRow {
                number: format!("N-{i:03}"),
                kind: CaseKind::Complaint,
                addressee: None,
                channel: None,
                service: None,
                medium: Medium::Paper,
                registered: d,
                due: Some(d),
                remaining: Some(0),
                next_due: None,
                answered: None,
                next_obligation: None,
                urgency: Urgency::Ok,
                badges: Badges::default(),
                assignee: None,
                subject: String::new(),
                applicant: String::new(),
                applicant_id: String::new(),
                status: Status::InProgress,
                version: 1,
                problem: None,
                contact: String::new(),
            })
            .collect()
    }

    fn queue(n: usize, page: usize) -> Queue {
        let mut q = Queue::default();
        q.set_page(page);
        q.load(rows(n), "me");
        q
    }

    #[test]
    fn page_down_never_scrolls_past_the_end() {
        let mut q = queue(30, 21);
        q.page_by(1);
        assert_eq!((q.top(), q.selected()), (9, 9), "the last page is full");
        q.move_by(-1);
        assert_eq!(q.top(), 8, "one row up scrolls one row, no jump");
        q.page_by(1);
        q.page_by(1);
        assert_eq!(
            q.selected(),
            29,
            "at the end, page down goes to the last row"
        );
        q.page_by(-1);
        q.page_by(-1);
        q.page_by(-1);
        assert_eq!((q.top(), q.selected()), (0, 0));
    }

    #[test]
    fn marks_are_kept_by_number_across_reloads_filters_and_orders() {
        let mut q = queue(10, 5);
        q.toggle_mark();
        assert_eq!(q.selected(), 1, "marking moves on");
        q.mark_and_move(1);
        q.mark_and_move(1);
        assert_eq!(q.marked_len(), 3);
        q.toggle_mark();
        q.move_by(-1);
        q.toggle_mark();
        assert!(!q.is_marked("N-003"), "toggled twice: unmarked");
        q.set_sort(SortKey::Number, true);
        q.set_filter("N-00".into());
        // Reloaded without N-001: its mark goes; the others stay.
        let mut rows = rows(10);
        rows.remove(1);
        rows.reverse();
        q.reload(rows, "me");
        let marked: Vec<&str> = q.marked_rows().map(|r| r.number.as_str()).collect();
        assert_eq!(marked, ["N-002", "N-000"]);
        q.clear_marks();
        assert_eq!(q.marked_len(), 0);
    }

    #[test]
    fn marking_all_marks_what_the_filter_shows() {
        let mut q = queue(12, 5);
        q.set_filter("N-01".into());
        q.mark_visible();
        assert_eq!(q.marked_len(), 2);
        assert!(q.is_marked("N-010") && q.is_marked("N-011"));
        q.set_filter(String::new());
        q.unmark(["N-010"]);
        assert_eq!(q.marked_rows().count(), 1);
    }

    #[test]
    fn moving_scrolls_by_one_row_and_stays_in_bounds() {
        let mut q = queue(30, 21);
        for _ in 0..25 {
            q.move_by(1);
        }
        assert_eq!((q.top(), q.selected()), (5, 25));
        q.move_to(usize::MAX);
        assert_eq!((q.top(), q.selected()), (9, 29));
        let mut short = queue(5, 21);
        short.page_by(1);
        assert_eq!((short.top(), short.selected()), (0, 4));
        let mut empty = queue(0, 21);
        empty.page_by(1);
        empty.move_by(-1);
        assert_eq!((empty.top(), empty.selected()), (0, 0));
        assert!(empty.selected_row().is_none());
    }
}
