from sala.cli import main

raise SystemExit(main())
