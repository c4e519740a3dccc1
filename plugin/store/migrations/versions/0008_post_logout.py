"""post-logout redirect URIs of the built-in provider's clients (#15, RP-initiated logout)

Revision ID: 0008_post_logout
Revises: 0007_mail_and_jobs
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_post_logout"
down_revision = "0007_mail_and_jobs"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("oauth_clients", schema=None) as batch_op:
        batch_op.add_column(sa.Column("post_logout_redirect_uris", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("oauth_clients", schema=None) as batch_op:
        batch_op.drop_column("post_logout_redirect_uris")
