try:
    from aicareer.cli.main import main
except KeyboardInterrupt:  # Ctrl-C while starting: as in cli.main, one line and exit 130
    import sys

    sys.stderr.write("\nInterrupted.\n")
    raise SystemExit(130) from None

main()
