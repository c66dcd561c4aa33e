import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

describe("DRF: a view's own save hook decides whether the serializer saves", () => {
  it("jumpserver's UserResetPasswordApi.perform_update never calls serializer.save(): the serializer's update is not on its route; an override that saves through it, or through super(), is", async () => {
    const f = await joined({
      'users/serializers.py': lines(
        'from rest_framework import serializers',
        'class UserSerializer(serializers.ModelSerializer):',
        '    def update(self, instance, validated_data):',
        '        for group in validated_data["groups"]:',
        '            Group.objects.get(pk=group).users.add(instance)', // 5
        '        return instance',
      ),
      'users/api.py': lines(
        'from rest_framework import generics',
        'from users import serializers',
        'class UserResetPasswordApi(generics.UpdateAPIView):',
        '    serializer_class = serializers.UserSerializer',
        '    def perform_update(self, serializer):',
        '        user = self.get_object()',
        '        user.save()',
        '        notify(user)',
        'class UserProfileApi(generics.UpdateAPIView):',
        '    serializer_class = serializers.UserSerializer',
        '    def perform_update(self, serializer):',
        '        serializer.save(updated_by=self.request.user)',
        'class UserGroupsApi(generics.UpdateAPIView):',
        '    serializer_class = serializers.UserSerializer',
        '    def perform_update(self, serializer):',
        '        super(UserGroupsApi, self).perform_update(serializer)',
        '        audit(self.request)',
      ),
      'users/urls.py': lines(
        'from django.urls import path',
        'from users import api',
        'urlpatterns = [',
        "    path('users/<uuid:pk>/password/reset/', api.UserResetPasswordApi.as_view()),",
        "    path('profile/', api.UserProfileApi.as_view()),",
        "    path('users/<uuid:pk>/groups/', api.UserGroupsApi.as_view()),",
        ']',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop users/serializers.py:5:13 Group.objects.get [for sequential] → PUT profile/, PATCH profile/, PUT users/<uuid:pk>/groups/, PATCH users/<uuid:pk>/groups/',
    ]);
  });
});
