"""Login and identity: API tokens and the guard that reads them (OIDC and the built-in
provider come with the login issue)."""
