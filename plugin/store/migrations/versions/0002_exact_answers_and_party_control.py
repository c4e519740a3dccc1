"""exact answers and party control: current-revision flag, revoked invitations, idempotency keys

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 07:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("revisions") as batch:
        batch.add_column(
            sa.Column("current", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch.create_index("ix_revisions_agreement_id_current", ["agreement_id", "current"])
    # The newest revision of each section becomes the current one.
    op.execute(
        """
        UPDATE revisions SET current = TRUE
        WHERE number = (
            SELECT max(r.number) FROM revisions r
            WHERE r.agreement_id = revisions.agreement_id
              AND r.section_key = revisions.section_key
        )
        """
    )
    with op.batch_alter_table("invitations") as batch:
        batch.add_column(sa.Column("revoked_by", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("revoked_at", sa.DateTime(), nullable=True))
        batch.create_foreign_key(
            op.f("fk_invitations_revoked_by_users"), "users", ["revoked_by"], ["id"]
        )
    op.create_table(
        "idempotency_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("headers", sa.JSON(), nullable=False),
        sa.Column("body", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_idempotency_keys_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_idempotency_keys")),
        sa.UniqueConstraint("user_id", "key", name=op.f("uq_idempotency_keys_user_id_key")),
    )
    op.create_index(
        op.f("ix_idempotency_keys_created_at"), "idempotency_keys", ["created_at"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_idempotency_keys_created_at"), table_name="idempotency_keys")
    op.drop_table("idempotency_keys")
    with op.batch_alter_table("invitations") as batch:
        batch.drop_constraint(op.f("fk_invitations_revoked_by_users"), type_="foreignkey")
        batch.drop_column("revoked_at")
        batch.drop_column("revoked_by")
    with op.batch_alter_table("revisions") as batch:
        batch.drop_index("ix_revisions_agreement_id_current")
        batch.drop_column("current")
