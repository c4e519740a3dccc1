"""draft documents: a draft's PDF kept per change counter, shared by every instance

Revision ID: 0005_draft_documents
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_draft_documents"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "draft_documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("change_counter", sa.Integer(), nullable=False),
        sa.Column("format", sa.String(length=10), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["agreements.id"],
            name=op.f("fk_draft_documents_agreement_id_agreements"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_draft_documents")),
        sa.UniqueConstraint(
            "agreement_id",
            "change_counter",
            "format",
            name=op.f("uq_draft_documents_agreement_id_change_counter_format"),
        ),
    )


def downgrade() -> None:
    op.drop_table("draft_documents")
