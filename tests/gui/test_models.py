"""Every Qt model passes QAbstractItemModelTester, also while it changes."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from briefcomposer.core.model import Actor, Issue, Position, QuoteItem, Status, TextItem
from briefcomposer.gui.models.actor_model import ActorModel
from briefcomposer.gui.models.analysis_model import AnalysisModel
from briefcomposer.gui.models.outline_model import OutlineModel
from briefcomposer.gui.models.roles import Role
from briefcomposer.gui.models.source_model import SourceModel
from briefcomposer.gui.views.analysis_pane import AnalysisFilterModel


def test_outline_model_passes_tester(qtmodeltester, brief):
    model = OutlineModel(brief)
    qtmodeltester.check(model)
    model.insert_item(2, 0, TextItem(text="New line"))
    model.insert_item(0, 1, QuoteItem(excerpt=brief.sources[0].excerpt(1, 0, 6)))
    model.move_item(brief.sections[0].items[0].id, 2, 1)
    model.take_item(2, 0)
    qtmodeltester.check(model)


def test_outline_model_shows_sections_and_items(brief):
    model = OutlineModel(brief)
    assert model.rowCount() == 3
    summary = model.index(0, 0)
    assert summary.data() == "Summary"
    assert summary.data(Role.WORDS) == 3
    assert summary.data(Role.LIMIT) == 5
    assert model.index(0, 0, summary).data() == "A first paragraph."
    assert model.parent(model.index(0, 0, summary)) == summary
    assert model.index(2, 0).data(Role.GUIDANCE) == "Short lines."


def test_boilerplate_with_every_field_empty_says_where_its_words_come_from(brief):
    brief.sections[2].items.append(TextItem(text="{{ brief.sender }}, {{ brief.contact }}", boilerplate=True))
    model = OutlineModel(brief)
    row = model.index(0, 0, model.index(2, 0))
    assert row.data() == "(filled in from the brief's details: From, Contact)"
    brief.contact = "020 7946 0000"
    assert row.data() == "020 7946 0000"


def test_outline_model_flags_sections_and_items(brief):
    model = OutlineModel(brief)
    item = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
    section = item | Qt.ItemFlag.ItemIsDropEnabled | Qt.ItemFlag.ItemIsEditable
    assert model.flags(QModelIndex()) == Qt.ItemFlag.ItemIsDropEnabled
    assert model.flags(model.index(0, 0)) == section
    assert model.flags(model.index(0, 0, model.index(0, 0))) == item | Qt.ItemFlag.ItemIsEditable  # its text
    assert model.flags(model.index(0, 0, model.index(1, 0))) == item  # the positions table: no text to edit
    actors = ActorModel(brief)
    editable = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable
    assert actors.flags(actors.index(0, 0)) == editable
    assert actors.flags(QModelIndex()) == Qt.ItemFlag.NoItemFlags


def test_outline_edit_is_requested_not_applied(qtbot, brief):
    model = OutlineModel(brief)
    item = model.index(0, 0, model.index(0, 0))
    with qtbot.waitSignal(model.edit_requested) as blocker:
        assert model.setData(item, "Changed", Qt.ItemDataRole.EditRole)
    assert blocker.args == [brief.sections[0].items[0].id, "Changed"]
    assert brief.sections[0].items[0].text == "A first paragraph."


def test_analysis_model_passes_tester(qtmodeltester, brief):
    model = AnalysisModel(brief)
    qtmodeltester.check(model)
    issue = Issue("New issue")
    model.insert_issue(0, issue)
    model.insert_position(Position(brief.actors[0].id, issue.id, "a stance"))
    model.set_status(brief.positions[0].id, Status.REJECTED)
    model.take_position(brief.positions[-1].id)
    model.take_issue(issue.id)
    qtmodeltester.check(model)


def test_analysis_model_groups_positions_by_issue(brief):
    model = AnalysisModel(brief)
    assert model.rowCount() == 3  # two issues and "not on any issue"
    expansion = model.index(0, 0)
    assert model.rowCount(expansion) == 2
    assert model.index(0, 0, expansion).data() == "Russia: opposes expansion"
    assert model.rowCount(model.index(2, 0)) == 1
    assert model.index(0, 0, model.index(2, 0)).data() == "United Kingdom: wants dialogue with Moscow"


def test_analysis_model_flags_issues_and_positions_for_dragging_and_their_first_column_for_editing(brief):
    model = AnalysisModel(brief)
    plain = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
    drag = plain | Qt.ItemFlag.ItemIsDragEnabled
    group = model.index(2, 0)  # "not on any issue"
    for parent in (QModelIndex(), model.index(0, 0)):  # an issue, a position
        index = model.index(0, 0, parent)
        assert model.flags(index) == drag | Qt.ItemFlag.ItemIsEditable
        assert model.flags(index.siblingAtColumn(1)) == model.flags(index.siblingAtColumn(2)) == drag
    assert model.flags(group) == model.flags(group.siblingAtColumn(1)) == plain
    assert model.flags(model.index(0, 1, group)) == drag
    assert model.flags(QModelIndex()) == Qt.ItemFlag.NoItemFlags
    tip = model.index(0, 0, model.index(0, 0)).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Russia: opposes expansion")
    assert model.index(0, 0, model.index(0, 0)).data(Role.COLOUR) is not None


def test_filter_model_passes_tester_and_filters(qtmodeltester, brief):
    model = AnalysisModel(brief)
    proxy = AnalysisFilterModel()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.set_actor(brief.actors[1].id)  # NATO
    assert proxy.rowCount() == 1
    assert proxy.rowCount(proxy.index(0, 0)) == 1
    proxy.set_actor(None)
    proxy.set_text("moscow")
    assert proxy.rowCount() == 1  # only the "not on any issue" group with the UK position
    proxy.set_text("")
    model.set_status(brief.positions[0].id, Status.REJECTED)
    assert proxy.rowCount(proxy.index(0, 0)) == 1
    proxy.set_show_rejected(True)
    assert proxy.rowCount(proxy.index(0, 0)) == 2


def test_filter_model_follows_an_issue_renamed_to_match_the_search(qtmodeltester, brief):
    """A position matches the search by its issue's label too: renamed, the issue brings its positions."""
    model = AnalysisModel(brief)
    proxy = AnalysisFilterModel()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.set_text("velmora")
    assert proxy.rowCount() == 0
    model.set_label(brief.issues[0].id, "NATO expansion towards Velmora")
    assert proxy.rowCount() == 1
    assert proxy.rowCount(proxy.index(0, 0)) == 2  # both positions on it, by their issue's label
    model.set_label(brief.issues[0].id, "NATO expansion")  # renamed away: nothing matches any more
    assert proxy.rowCount() == 0


def test_filter_model_gives_a_delegate_every_role_of_a_cell_as_its_source_does(qapp, brief):
    """The proxy answers a delegate's roles in one call (`multiData`, start-up time, issue 5): the
    same font, colours, icon and text as the source model's, and nothing for a cell it filters out."""
    from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

    model = AnalysisModel(brief)
    model.set_status(brief.positions[0].id, Status.REJECTED)
    proxy = AnalysisFilterModel()
    proxy.setSourceModel(model)
    proxy.set_show_rejected(True)
    delegate = QStyledItemDelegate()

    def styled(index):  # noqa: ANN001, ANN202
        option = QStyleOptionViewItem()
        delegate.initStyleOption(option, index)
        colour = option.palette.color(option.palette.ColorRole.Text).name()
        return option.text, option.font.italic(), option.font.strikeOut(), colour, option.icon.isNull()

    cells = 0
    for row in range(proxy.rowCount()):
        parent = proxy.index(row, 0)
        for index in [proxy.index(row, c) for c in range(3)] + [
            proxy.index(r, c, parent) for r in range(proxy.rowCount(parent)) for c in range(3)
        ]:
            assert styled(index) == styled(proxy.mapToSource(index))
            cells += 1
    assert cells == 3 * (model.rowCount() + len(brief.positions))
    assert styled(QModelIndex())[0] == ""


def test_actor_model_passes_tester(qtmodeltester, brief):
    model = ActorModel(brief)
    qtmodeltester.check(model)
    model.insert_actor(1, Actor("EU"))
    model.rename(brief.actors[0].id, "Russian Federation")
    model.take_actor(brief.actors[1].id)
    qtmodeltester.check(model)
    assert model.index(0, 0).data(Qt.ItemDataRole.EditRole) == "Russian Federation"


def test_source_model_passes_tester(qtmodeltester, brief, source):
    model = SourceModel(brief)
    qtmodeltester.check(model)
    assert model.index(0, 0).data() == "Dialogue matters"
    assert model.rowCount(QModelIndex()) == 1


def test_choosing_a_tables_actors_tells_views_its_sections_word_count(brief):
    model = OutlineModel(brief)
    section = model.index(1, 0)
    table = model.index(0, 0, section).data(Role.OBJECT)
    assert section.data(Role.WORDS) == 3  # "wants more dialogue": the one accepted position
    changed, counted = [], []
    model.dataChanged.connect(lambda top_left, bottom_right, roles=(): changed.append(top_left))
    model.words_changed.connect(lambda: counted.append(True))
    model.set_table_actors(table.id, [brief.actors[0].id])
    assert section.data(Role.WORDS) == 0
    assert section in changed  # the section's row shows "0 words" against its limit
    assert counted
