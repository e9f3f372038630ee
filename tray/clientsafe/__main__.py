from clientsafe.cli import main

raise SystemExit(main())
