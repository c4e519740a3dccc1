"""accepted findings: the partners' reasons to finalise with a `must` finding unresolved

Revision ID: 0003
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "accepted_findings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("section_key", sa.String(length=60), nullable=False),
        sa.Column("code", sa.String(length=120), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("party_id", sa.Integer(), nullable=False),
        sa.Column("accepted_by", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("withdrawn_at", sa.DateTime(), nullable=True),
        sa.Column("withdrawn_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["agreements.id"],
            name=op.f("fk_accepted_findings_agreement_id_agreements"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["party_id"], ["parties.id"], name=op.f("fk_accepted_findings_party_id_parties")
        ),
        sa.ForeignKeyConstraint(
            ["accepted_by"], ["users.id"], name=op.f("fk_accepted_findings_accepted_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["withdrawn_by"], ["users.id"], name=op.f("fk_accepted_findings_withdrawn_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_accepted_findings")),
    )
    with op.batch_alter_table("accepted_findings", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_accepted_findings_agreement_id"), ["agreement_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("accepted_findings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_accepted_findings_agreement_id"))
    op.drop_table("accepted_findings")
