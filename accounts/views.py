from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from accounts import services
from accounts.forms import PracticeSettingsForm
from config.requests import request_user


@login_required
def settings_page(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    form = PracticeSettingsForm(request.POST or None, instance=user)
    if request.method == "POST" and form.is_valid():
        services.practice_settings_update(
            user=user,
            display_name=form.cleaned_data["display_name"],
            time_zone=form.cleaned_data["time_zone"],
            practice_hour=form.cleaned_data["practice_hour"],
            practice_days=form.cleaned_data["days"],
            daily_goal_minutes=form.cleaned_data["daily_goal_minutes"],
        )
        messages.success(request, "Settings saved.")
        return redirect("accounts:settings")
    return render(request, "accounts/settings.html", {"form": form})
