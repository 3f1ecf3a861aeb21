"""The project's foundation: settings for each environment, start-up refusal in
production, the base templates and complete migrations."""

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "collective.settings.production",
    "SECRET_KEY": "a-production-like-secret-key-with-plenty-of-distinct-characters-0123456789",
    "ALLOWED_HOSTS": "collective.example.org",
    "DATABASE_URL": "sqlite:///:memory:",
}


def run_manage(*args, env):
    """Run manage.py in a clean process with only the given variables set."""
    # Only what production would have: not the test run's own settings or flags
    # (the browser tests allow Django's async-unsafe calls for Playwright).
    ignored = {*PRODUCTION_ENV, "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in ignored}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("module", ["dev", "test", "production"])
def test_each_settings_module_imports(module):
    env = {**PRODUCTION_ENV, "DJANGO_SETTINGS_MODULE": f"collective.settings.{module}"}
    result = run_manage("check", env=env)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("variable", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"])
def test_production_refuses_to_start_without_a_required_variable(variable):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != variable}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert variable in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_production_without_redis_shares_one_cache_between_workers(tmp_path):
    env = {**PRODUCTION_ENV, "CACHE_DIR": str(tmp_path)}
    script = "from django.core.cache import cache; cache.set('shared', 'yes', 60)"
    assert run_manage("shell", "-c", script, env=env).returncode == 0
    result = run_manage(
        "shell", "-c", "from django.core.cache import cache; print(cache.get('shared'))", env=env
    )
    assert result.stdout.strip().splitlines()[-1] == "yes", result.stderr


def test_production_passes_the_deployment_checklist():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues (0 silenced)" in result.stdout


def test_turning_off_the_ssl_redirect_for_a_proxy_keeps_the_checklist_clean():
    env = {**PRODUCTION_ENV, "SECURE_SSL_REDIRECT": "false"}
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stdout + result.stderr


def test_migrations_are_complete(db):
    out = StringIO()
    call_command("makemigrations", check=True, dry_run=True, interactive=False, stdout=out)
    assert "No changes detected" in out.getvalue()


def test_home_page_answers_with_the_site_name(client, home_page):
    response = client.get("/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "<title>Collective</title>" in content
    assert 'class="site-name"><a href="/" rel="home">Collective</a>' in content
    assert 'href="#main">Skip to content</a>' in content


def test_unknown_url_answers_404_with_the_site_template(client, home_page):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "404.html" in [t.name for t in response.templates]
    assert "Page not found" in response.content.decode()


def test_server_error_page_renders_without_a_database_or_context():
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Something went wrong" in html
