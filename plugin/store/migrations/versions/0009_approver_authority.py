"""approver's authority (#13): members' job titles, approvals that confirmed authority, who
finalised a final document

Revision ID: 0009_approver_authority
Revises: 0008_post_logout
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_approver_authority"
down_revision = "0008_post_logout"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.add_column(sa.Column("job_title", sa.String(length=80), nullable=True))
    with op.batch_alter_table("approvals", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "authority_confirmed", sa.Boolean(), server_default=sa.false(), nullable=False
            )
        )
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("finalised_by", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_documents_finalised_by_users"), "users", ["finalised_by"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_documents_finalised_by_users"), type_="foreignkey")
        batch_op.drop_column("finalised_by")
    with op.batch_alter_table("approvals", schema=None) as batch_op:
        batch_op.drop_column("authority_confirmed")
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.drop_column("job_title")
