"""Native messaging: how an IT-deployed browser extension pairs with this user's ClientSafe, no step for the user."""
